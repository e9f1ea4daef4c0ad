"""Studio / Agent Server: a small demo sales bot (searches the built-in catalog, recommends the top hit).

Stands in for "your bot deployed on a LangGraph server": put it in the sales seat with
`RemoteGraph("sales_bot", url=...)`.
"""

from langgraph_salessim.demo_bot import create_demo_bot

graph = create_demo_bot().compile(name="sales_bot")
