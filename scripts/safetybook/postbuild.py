"""After `jupyter-book build`: checks and fixes that Sphinx does not do on its own."""

from __future__ import annotations

import sys


def main() -> int:
    return 0


if __name__ == "__main__":
    sys.exit(main())
