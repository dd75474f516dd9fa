"""The web app (``dojo serve``): Practice, My history and Trainer, on Gradio 6.

Only this package imports gradio. ``app`` builds and serves the Blocks; ``trainee``, ``history``
and ``trainer`` hold the handlers (plain functions, testable without a browser); ``views`` and
``exports`` render escaped HTML, CSV and JSONL without gradio; ``coach`` is the live checklist.
"""
