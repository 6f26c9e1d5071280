"""Run chairdesk with `python -m chairdesk`."""

import sys

from .cli import main

sys.exit(main())
