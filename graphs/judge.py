"""Studio: score a given transcript with every deterministic metric."""

from langgraph_salessim.studio import create_judge_graph

graph = create_judge_graph().compile(name="judge")
