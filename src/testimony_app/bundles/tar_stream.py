"""The tar layer of a bundle: deterministic headers out, a strict push-mode walker in.

Writing: :func:`member_header` asks :mod:`tarfile` for a POSIX (pax) header with fixed
metadata (mtime 0, uid/gid 0, empty owner names, mode 0600), so the same members always give
the same bytes. Names up to 100 characters fit the plain ustar header; longer ones get a pax
``path`` record, which GNU tar, bsdtar and Python all read.

Reading: :class:`TarWalker` is fed plaintext as :mod:`.age_io` releases it (decryption *pushes*,
while ``tarfile.open(mode="r|")`` *pulls*) and never extracts anything. It decodes each
512-byte header with ``tarfile.TarInfo.frombuf`` (which checks the header checksum) and accepts
only what our writer produces:

* POSIX ustar headers (``ustar\\0`` ``00``) of type ``0`` (regular file); every other type —
  symlink, hard link, device, FIFO, directory, contiguous, sparse, GNU long names, global pax
  headers — is refused by name;
* pax extended headers (type ``x``) of at most :data:`MAX_PAX_BYTES`, with only ``path`` and
  ``size`` records. ``tarfile`` itself would read a pax or GNU long-name header of any declared
  size into memory before we could look at it, which is why we do not walk with ``r|``;
* names that pass :func:`.manifest.path_problem`, at most once each;
* the fixed metadata our writer uses (mode 0600, uid/gid 0, no owner names, mtime 0, no link
  or device numbers): a setuid bit or a foreign owner is refused, not just ignored;
* zero padding after member data; the archive must end with two zero blocks, followed by at
  most :data:`MAX_TRAILING_ZERO_BYTES` further zero bytes (tar's record padding) and nothing
  else;
* the stream must start with a tar header: a gzip, bzip2, xz or zstd stream is refused.

Memory is bounded by one header plus one pax header; member data passes straight through.
"""

from __future__ import annotations

import tarfile

from testimony_app.bundles.manifest import path_problem
from testimony_app.errors import BundleRejected
from testimony_app.words import Message, Param

BLOCK = tarfile.BLOCKSIZE
RECORD = tarfile.RECORDSIZE
MAX_PAX_BYTES = 4096
MAX_TRAILING_ZERO_BYTES = RECORD
_POSIX_MAGIC = b"ustar\x0000"
_COMPRESSED_MAGIC = (
    (b"\x1f\x8b", "gzip"),
    (b"BZh", "bzip2"),
    (b"\xfd7zXZ\x00", "xz"),
    (b"\x28\xb5\x2f\xfd", "zstd"),
)
_TYPE_NAMES = {
    tarfile.LNKTYPE: Message("bundle.entry_hard_link"),
    tarfile.SYMTYPE: Message("bundle.entry_symlink"),
    tarfile.CHRTYPE: Message("bundle.entry_char_device"),
    tarfile.BLKTYPE: Message("bundle.entry_block_device"),
    tarfile.DIRTYPE: Message("bundle.entry_directory"),
    tarfile.FIFOTYPE: Message("bundle.entry_fifo"),
    tarfile.CONTTYPE: Message("bundle.entry_contiguous"),
    tarfile.AREGTYPE: Message("bundle.entry_old_style"),
    tarfile.GNUTYPE_LONGNAME: Message("bundle.entry_gnu_longname"),
    tarfile.GNUTYPE_LONGLINK: Message("bundle.entry_gnu_longlink"),
    tarfile.GNUTYPE_SPARSE: Message("bundle.entry_sparse"),
    tarfile.XGLTYPE: Message("bundle.entry_global_pax"),
}


def padding(size: int) -> int:
    """Bytes of zero padding after ``size`` bytes of member data."""
    return -size % BLOCK


def member_header(path: str, size: int) -> bytes:
    """The deterministic header block(s) for a regular file ``path`` of ``size`` bytes."""
    info = tarfile.TarInfo(path)
    info.size = size
    info.mtime = 0
    info.mode = 0o600
    info.uid = info.gid = 0
    info.uname = info.gname = ""
    info.type = tarfile.REGTYPE
    return info.tobuf(tarfile.PAX_FORMAT, "utf-8", "strict")


def end_of_archive(archive_length: int) -> bytes:
    """Two zero blocks, then zeros up to a whole tar record, as ``tarfile`` and GNU tar write."""
    length = archive_length + 2 * BLOCK
    return b"\x00" * (2 * BLOCK + (-length % RECORD))


def archive_length(members: list[tuple[str, int]]) -> int:
    """Total tar length for ``(path, size)`` members, computed without building anything."""
    total = 0
    for path, size in members:
        total += len(member_header(path, size)) + size + padding(size)
    return total + len(end_of_archive(total))


def _rejected(code: str, **params: Param) -> BundleRejected:
    return BundleRejected(code, **params)


class TarEvents:
    """What the walker reports. Subclasses enforce the bundle's rules; defaults do nothing."""

    def member_start(self, index: int, path: str, size: int) -> None:
        """A regular file begins; raise to refuse it before any of its data."""

    def member_data(self, data: memoryview) -> None:
        """The next bytes of the current member: a view of the caller's buffer, valid only
        as long as :meth:`TarWalker.feed`'s ``data`` is (copy what you keep)."""

    def member_end(self) -> None:
        """The current member's data is complete."""

    def archive_end(self) -> None:
        """The two end-of-archive blocks were seen."""


class TarWalker:
    """Push-mode, non-extracting tar parser for the strict subset described above."""

    _HEADER, _PAX, _DATA, _PAD, _END2, _TRAILER = range(6)

    def __init__(self, events: TarEvents, *, max_members: int) -> None:
        """Report to ``events``; refuse more than ``max_members`` regular files."""
        self._events = events
        self._max_members = max_members
        self._state = self._HEADER
        self._buffer = bytearray()
        self._need = BLOCK
        self._remaining = 0
        self._pax: dict[str, str] | None = None
        self._names: set[str] = set()
        self._index = 0
        self._trailing = 0
        self._first_header = True
        self._pad_after = 0
        self._pax_size = 0

    @property
    def finished(self) -> bool:
        """True once the end-of-archive marker has been read."""
        return self._state == self._TRAILER

    def feed(self, data: bytes | bytearray | memoryview) -> None:
        """Consume the next plaintext bytes (any length). Member data is passed on as views of
        ``data``, not copies (a copy of every MiB was the walker's whole cost)."""
        view = memoryview(data)
        pos = 0
        while pos < len(view):
            state = self._state
            if state == self._DATA:
                take = min(self._remaining, len(view) - pos)
                self._events.member_data(view[pos : pos + take])
                pos += take
                self._remaining -= take
                if self._remaining == 0:
                    self._events.member_end()
                    self._remaining = padding_left = self._pad_after
                    self._state = self._PAD if padding_left else self._HEADER
                continue
            if state in (self._PAD, self._TRAILER):
                take = (
                    len(view) - pos
                    if state == self._TRAILER
                    else min(self._remaining, len(view) - pos)
                )
                if any(view[pos : pos + take]):
                    raise _rejected(
                        "bundle.archive_bad_padding"
                    )
                pos += take
                if state == self._TRAILER:
                    self._trailing += take
                    if self._trailing > MAX_TRAILING_ZERO_BYTES:
                        raise _rejected("bundle.archive_data_after_end")
                else:
                    self._remaining -= take
                    if self._remaining == 0:
                        self._state = self._HEADER
                continue
            take = min(self._need - len(self._buffer), len(view) - pos)
            self._buffer += view[pos : pos + take]
            pos += take
            if len(self._buffer) == self._need:
                block = bytes(self._buffer)
                self._buffer.clear()
                self._complete(block)

    def _complete(self, block: bytes) -> None:
        if self._state == self._HEADER:
            self._header(block)
        elif self._state == self._PAX:
            self._pax_body(block)
        elif self._state == self._END2:
            if any(block):
                raise _rejected("bundle.archive_bad_end")
            self._state = self._TRAILER
            self._events.archive_end()

    def _header(self, block: bytes) -> None:
        if not any(block):
            if self._pax is not None:
                raise _rejected("bundle.archive_truncated_entry")
            self._state = self._END2
            return
        if self._first_header:
            self._first_header = False
            for magic, name in _COMPRESSED_MAGIC:
                if block.startswith(magic):
                    raise _rejected(
                        "bundle.archive_compressed", method=name
                    )
        try:
            info = tarfile.TarInfo.frombuf(block, "utf-8", "surrogateescape")
        except tarfile.HeaderError:
            raise _rejected("bundle.archive_bad_header") from None
        if block[257:265] != _POSIX_MAGIC:
            raise _rejected("bundle.archive_not_posix")
        kind = info.type
        if kind == tarfile.XHDTYPE:
            if self._pax is not None:
                raise _rejected("bundle.archive_double_extended")
            if not 0 < info.size <= MAX_PAX_BYTES:
                raise _rejected("bundle.archive_extended_too_large")
            self._pax_size = info.size
            self._need = info.size + padding(info.size)
            self._state = self._PAX
            return
        if kind != tarfile.REGTYPE:
            what = _TYPE_NAMES.get(kind) or Message("bundle.entry_unknown")
            raise _rejected("bundle.archive_not_plain_file", entry=what)
        if (
            info.mode != 0o600
            or info.uid != 0
            or info.gid != 0
            or info.mtime != 0
            or info.uname
            or info.gname
            or info.linkname
            or info.devmajor
            or info.devminor
        ):
            # The format fixes these fields (so the tar is deterministic); anything else, such
            # as a setuid mode that ``tar -x`` run as root would restore, is refused.
            raise _rejected(
                "bundle.archive_member_metadata"
            )
        self._regular(block, info.size)

    def _raw_field(self, block: bytes, start: int, length: int) -> bytes:
        raw = block[start : start + length]
        end = raw.find(b"\x00")
        if end >= 0:
            if any(raw[end:]):
                raise _rejected(
                    "bundle.archive_name_nul"
                )
            raw = raw[:end]
        return raw

    def _regular(self, block: bytes, header_size: int) -> None:
        pax = self._pax or {}
        self._pax = None
        if "path" in pax:
            name = pax["path"]
        else:
            raw_name = self._raw_field(block, 0, 100)
            raw_prefix = self._raw_field(block, 345, 155)
            raw = raw_prefix + b"/" + raw_name if raw_prefix else raw_name
            try:
                name = raw.decode("utf-8")
            except UnicodeDecodeError:
                raise _rejected(
                    "bundle.archive_name_not_utf8"
                ) from None
        size = header_size
        if "size" in pax:
            size = int(pax["size"])
        problem = path_problem(name)
        if problem is not None:
            raise _rejected("bundle.archive_bad_name", problem=problem)
        if name in self._names:
            raise _rejected("bundle.archive_duplicate_name")
        self._names.add(name)
        if self._index >= self._max_members:
            raise _rejected("bundle.archive_too_many_members")
        self._events.member_start(self._index, name, size)
        self._index += 1
        self._need = BLOCK
        self._pad_after = padding(size)
        if size:
            self._remaining = size
            self._state = self._DATA
        else:
            self._events.member_end()
            self._state = self._HEADER

    def _pax_body(self, block: bytes) -> None:
        body = block[: self._pax_size]
        if any(block[self._pax_size :]):
            raise _rejected("bundle.archive_bad_padding")
        records: dict[str, str] = {}
        pos = 0
        while pos < len(body):
            space = body.find(b" ", pos)
            if space < 0 or space - pos > 5:
                raise _rejected("bundle.archive_bad_extended")
            length_text = body[pos:space]
            if not length_text.isdigit() or length_text.startswith(b"0"):
                raise _rejected("bundle.archive_bad_extended")
            end = pos + int(length_text)
            if end > len(body) or end <= space + 1 or body[end - 1 : end] != b"\n":
                raise _rejected("bundle.archive_bad_extended")
            keyword, equals, value = body[space + 1 : end - 1].partition(b"=")
            if not equals or keyword not in (b"path", b"size") or keyword.decode() in records:
                raise _rejected(
                    "bundle.archive_extended_unsupported"
                )
            try:
                text = value.decode("utf-8")
            except UnicodeDecodeError:
                raise _rejected(
                    "bundle.archive_name_not_utf8"
                ) from None
            if keyword == b"size" and (
                not value.isdigit()
                or len(value) > 19
                or (len(value) > 1 and value.startswith(b"0"))
            ):
                raise _rejected("bundle.archive_bad_extended")
            records[keyword.decode()] = text
            pos = end
        self._pax = records
        self._need = BLOCK
        self._state = self._HEADER

    def close(self) -> None:
        """The plaintext ended: it must have ended after a complete end-of-archive marker."""
        if self._state != self._TRAILER:
            raise _rejected("bundle.archive_incomplete")
