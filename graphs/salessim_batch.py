"""Studio: many conversations fanned out with Send; decision alignment aggregated per category."""

from langgraph_salessim.studio import create_batch_graph

graph = create_batch_graph().compile(name="salessim_batch")
