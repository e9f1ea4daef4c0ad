"""Studio: one SalesSim conversation (built-in persona by id, or a persona object; options in the context form)."""

from langgraph_salessim.studio import create_studio_graph

graph = create_studio_graph().compile(name="salessim")
