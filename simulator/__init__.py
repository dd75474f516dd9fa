"""Collections Dojo: practise debt-collection calls against simulated debtors, and score them.

The package is split into a pure core (``understanding``, ``persona``, ``rubric``, ``call``) that
does no I/O, and adapters at the edges (``cli``, ``web``, ``llm``, ``store``, ``batch``).
"""

__version__ = "0.1.0"
