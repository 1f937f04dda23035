"""No module of the program imports another that (through others) imports it back.

The "No import cycles" contract in pyproject.toml (``lint-imports``) keeps sibling modules and
packages acyclic at every depth; this test looks at the same graph module by module, as Python
runs it (imports under ``TYPE_CHECKING`` left out), and names the two circles issue 18 found, so
that they cannot come back unnoticed even if the contract were weakened.
"""

from __future__ import annotations

from typing import Any

import pytest

grimp = pytest.importorskip("grimp")  # a development tool: absent from the oldest-versions venv


@pytest.fixture(scope="module")
def graph() -> Any:
    return grimp.build_graph("testimony_app", exclude_type_checking_imports=True, cache_dir=None)


def _strongly_connected(graph: Any) -> list[list[str]]:
    """The module groups (more than one) in which every module reaches every other (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []

    def visit(start: str) -> None:
        # Iterative, so a deep import chain cannot hit the recursion limit.
        work = [(start, iter(sorted(graph.find_modules_directly_imported_by(start))))]
        index[start] = low[start] = len(index)
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            for child in children:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append(
                        (child, iter(sorted(graph.find_modules_directly_imported_by(child))))
                    )
                    break
                if child in on_stack:
                    low[node] = min(low[node], index[child])
            else:
                work.pop()
                if work:
                    parent = work[-1][0]
                    low[parent] = min(low[parent], low[node])
                if low[node] == index[node]:
                    group = []
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        group.append(member)
                        if member == node:
                            break
                    if len(group) > 1:
                        groups.append(sorted(group))

    for module in sorted(graph.modules):
        if module not in index:
            visit(module)
    return groups


def test_no_module_imports_itself_in_a_circle(graph: Any) -> None:
    assert _strongly_connected(graph) == []


def test_the_finder_sees_a_circle() -> None:
    """The search above is not blind: a two-module circle and a three-module one are found."""
    fake = grimp.ImportGraph()
    for importer, imported in [("a", "b"), ("b", "a"), ("c", "d"), ("d", "e"), ("e", "c"),
                               ("f", "a")]:
        fake.add_import(importer=importer, imported=imported)
    assert sorted(_strongly_connected(fake)) == [["a", "b"], ["c", "d", "e"]]


@pytest.mark.parametrize("group", ["vault", "testimonies", "bundles", "registry", "statements",
                                   "devices", "handover"])
def test_command_groups_do_not_import_the_command_line_package(graph: Any, group: str) -> None:
    """They share ``cli.common``; the package imports them to register their commands."""
    imported = graph.find_modules_directly_imported_by(f"testimony_app.cli.{group}")
    assert "testimony_app.cli" not in imported
    assert "testimony_app.cli.common" in imported


def test_services_named_in_the_issue_are_not_a_circle(graph: Any) -> None:
    """bundles -> organisation -> vault -> bundles was a circle in December 2026."""
    chain = graph.find_shortest_chain(
        importer="testimony_app.services.vault", imported="testimony_app.services.bundles"
    )
    back = graph.find_shortest_chain(
        importer="testimony_app.services.bundles", imported="testimony_app.services.vault"
    )
    assert chain is None or back is None
