"""Studio: chat with the shopper alone; you are the salesperson (the run pauses for your reply)."""

from langgraph_salessim.studio import create_shopper_chat_graph

graph = create_shopper_chat_graph().compile(name="shopper")
