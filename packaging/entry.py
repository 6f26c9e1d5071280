"""Entry script of the PyInstaller bundle (an absolute import, which chairdesk/__main__.py is not)."""

import sys

from chairdesk.cli import main

if __name__ == "__main__":
    sys.exit(main())
