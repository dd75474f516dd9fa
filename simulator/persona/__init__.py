"""Debtor personas: data files, the policy that moves them, and the scripted voice."""

from simulator.persona.catalog import LoadedPersona, all_personas, load_persona, load_persona_file, persona_files
from simulator.persona.model import Persona
from simulator.persona.policy import Commitment, Decision, Facts, Policy, State

__all__ = ["Persona", "LoadedPersona", "load_persona", "load_persona_file", "all_personas", "persona_files",
           "Policy", "State", "Decision", "Facts", "Commitment"]
