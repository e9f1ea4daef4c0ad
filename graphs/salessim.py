"""Studio entry: one SalesSim conversation on the built-in laptops with the offline agents.

Input: `{"persona": {...}}` (a persona object, e.g. a line of the built-in personas.jsonl).
"""

from langgraph_salessim import create_salessim_graph

graph = create_salessim_graph().compile(name="salessim")
