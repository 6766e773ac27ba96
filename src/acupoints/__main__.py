"""``python -m acupoints``: the command line (see :mod:`acupoints.cli`)."""

import sys

from .cli import main

sys.exit(main())
