"""Compose the SalesSim graph into your own LangGraph app and inspect a run on a thread.

Run: python examples/compose_into_app.py
"""

import asyncio

from langgraph.checkpoint.memory import InMemorySaver

from langgraph_salessim import Context, create_salessim_graph, load_builtin_personas


async def main() -> None:
    # the factory returns an uncompiled StateGraph: you choose the checkpointer (and store)
    app = create_salessim_graph(max_turns=12).compile(checkpointer=InMemorySaver())
    persona = load_builtin_personas()[0]
    config = {"configurable": {"thread_id": f"demo-{persona.uuid}"}}
    # pass the persona as JSON: checkpoints then hold only plain data
    result = await app.ainvoke({"persona": persona.model_dump(mode="json")}, config, context=Context(seed=1))
    for message in result["messages"]:
        speaker = "Shopper" if message.type == "human" else "Salesperson"
        print(f"{speaker}: {message.text}")
    print("outcome:", result["outcome"], "|", result["termination_reason"])
    for score in result["scores"]:
        print(f"{score['name']}: {score['value']} ({score['label']})")
    # the whole state, including each side's private channels, stays on the thread
    state = app.get_state(config).values
    print("sales-agent tool calls:", len(state["sales_trace"]))


if __name__ == "__main__":
    asyncio.run(main())
