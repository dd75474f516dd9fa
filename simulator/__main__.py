"""``python -m simulator`` is the same as the ``dojo`` command."""

from simulator.cli import main

raise SystemExit(main())
