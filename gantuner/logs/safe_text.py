"""Text from a file made safe to print: no escape sequences reach a terminal.

A log may hold anything (a binary file opened by mistake, colour codes,
a stray ESC that would move the cursor or retitle the window); whatever of
it is shown back to the user (a skipped line, a file name) goes through
:func:`printable` first.
"""

from __future__ import annotations

import re

# C0 and C1 control characters (tab kept), DEL, and the Unicode replacement
# character that undecodable bytes become.
_UNSAFE = re.compile(r"[\x00-\x08\x0a-\x1f\x7f-\x9f\ufffd\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def printable(text: str) -> str:
    """``text`` with every control character shown as an escape (``\\x1b``)."""
    return _UNSAFE.sub(lambda m: "?" if m.group() == "\ufffd" else f"\\x{ord(m.group()):02x}"
                       if ord(m.group()) < 0x100 else f"\\u{ord(m.group()):04x}", text)


def binary_share(data: bytes) -> float:
    """Share of the bytes that no text log contains (NUL and other control bytes)."""
    if not data:
        return 0.0
    text_bytes = bytes(range(32, 256)) + b"\t\n\r\f\b\x1b"
    return len(data.translate(None, text_bytes)) / len(data)
