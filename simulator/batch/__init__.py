"""Batch evaluation: trainee agents (scripted or an LLM under test) call personas (scripted or
LLM-voiced) through one async runner; results are resumable JSONL plus a summary and an HTML page."""
