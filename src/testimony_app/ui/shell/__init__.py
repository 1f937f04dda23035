"""The window's shell: who owns the vault session, the actions and menus, maintenance, clipboard.

``ui/main_window.py`` keeps the page stack and the wiring between these pieces; each piece here
has one job, so that the window can be read in one sitting and changed without touching the rest.
"""
