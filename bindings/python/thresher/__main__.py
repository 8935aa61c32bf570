"""``python -m thresher ...``: the same CLI as the ``thresher`` script."""

import sys

from thresher.cli import main

sys.exit(main())
