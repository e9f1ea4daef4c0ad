"""Building blocks for your own graphs: the shopper as a node, and the judges as a node.

Both read and write state keys you choose, so they fit an existing app's state (as langmem's
nodes do): the shopper appends a human message to your messages list and records its decision;
the judge node scores the conversation held in your state.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from langchain_core.messages import AIMessage, AnyMessage, HumanMessage, ToolMessage

from langgraph_salessim.actions import parse_reply
from langgraph_salessim.catalog import Catalog
from langgraph_salessim.conversation import Conversation, Turn, resolve_purchase
from langgraph_salessim.evaluation import METRICS, score_conversation
from langgraph_salessim.matching import match_mentions
from langgraph_salessim.personas import Persona
from langgraph_salessim.seats import ShopperView
from langgraph_salessim.tools import create_inspect_image_tool
from langgraph_salessim.turns import MAX_SHOPPER_TOOL_ROUNDS, SHOPPER_NAME, shopper_transcript


def _persona(value: Any) -> Persona:
    return value if isinstance(value, Persona) else Persona.model_validate(value)


def create_shopper_node(
    shopper: Any = None,
    *,
    catalog: Catalog,
    messages_key: str = "messages",
    persona_key: str = "persona",
    decision_key: str = "shopper_decision",
    memory_key: str = "shopper_memory",
    seed: int = 0,
) -> Any:
    """The shopper as a node for any graph whose messages are a chat with a salesperson (AI turns).

    Each call makes one shopper turn: it may inspect images of products the salesperson named
    (up to 3 rounds, inside the node), then appends its message as a human message to
    `messages_key` and writes `{"action": "message" | "add_to_cart" | "end_conversation",
    "product": ..., "format_leak": ...}` to `decision_key`; private notes go to `memory_key`.

    Args:
        shopper: a `Shopper`, a chat model, or None for the offline shopper.
        catalog: the catalog the salesperson sells from.
        messages_key: state key of the conversation.
        persona_key: state key of the persona (a `Persona` or its JSON).
        decision_key: state key the shopper's decision is written to.
        memory_key: state key of the shopper's private notes (a dict; give it a plain channel).
        seed: seed for the offline shopper and seeded models.

    Returns:
        An async node function for `StateGraph.add_node`.

    Example:
        >>> builder.add_node("shopper", create_shopper_node(catalog=catalog))  # doctest: +SKIP
    """
    from langgraph_salessim.graph import as_shopper_seat

    seat = as_shopper_seat(shopper, catalog)
    inspect = create_inspect_image_tool(catalog)

    async def shopper_node(state: Mapping[str, Any]) -> dict[str, Any]:
        persona = _persona(state[persona_key])
        messages: list[AnyMessage] = list(state.get(messages_key) or [])
        memory = dict(state.get(memory_key) or {})
        scratch: list[AnyMessage] = []
        turn = sum(isinstance(m, HumanMessage) for m in messages)
        for rounds in range(MAX_SHOPPER_TOOL_ROUNDS + 1):
            view = ShopperView(persona=persona, transcript=shopper_transcript(messages), scratch=scratch, turn=turn,
                               tool_rounds=rounds, memory=memory, catalog=catalog, seed=seed)
            reply = await seat.respond(view)
            memory = reply.memory if reply.memory is not None else memory
            parsed = parse_reply(reply.message.text, [dict(c) for c in reply.message.tool_calls])
            inspects = [c for c in parsed.tool_calls if c["name"] == "inspect_image"]
            decided = any(c["name"] != "inspect_image" for c in parsed.tool_calls)
            if not inspects or decided or rounds == MAX_SHOPPER_TOOL_ROUNDS:
                break
            scratch.append(AIMessage(content="", tool_calls=inspects))
            for call in inspects:
                result = await inspect.ainvoke({**call, "type": "tool_call"})
                scratch.append(result if isinstance(result, ToolMessage) else ToolMessage(
                    content=str(result), tool_call_id=call["id"]))
        terminal = next((c for c in parsed.tool_calls if c["name"] in ("add_to_cart", "end_conversation")), None)
        decision = {"action": terminal["name"] if terminal else "message",
                    "product": (terminal or {}).get("args", {}).get("product"),
                    "format_leak": parsed.format_leak, "reasoning": parsed.reasoning}
        return {messages_key: [HumanMessage(content=parsed.visible, name=SHOPPER_NAME)],
                decision_key: decision, memory_key: memory}

    return shopper_node


def shopper_decided(state: Mapping[str, Any], *, decision_key: str = "shopper_decision") -> bool:
    """Router helper: whether the shopper has bought or left."""
    return (state.get(decision_key) or {}).get("action") in ("add_to_cart", "end_conversation")


def conversation_from_messages(
    messages: Sequence[AnyMessage], *, persona: Persona | None, catalog: Catalog | None,
    decision: Mapping[str, Any] | None = None,
) -> Conversation:
    """A `Conversation` from a plain chat (human = shopper, AI = salesperson) and the shopper's decision.

    Recommendations are read from the salesperson's bold / numbered names, matched to the catalog.
    """
    pool = catalog.in_category(persona.category) if catalog and persona else (catalog.products if catalog else [])
    names = [p.name for p in pool]
    turns: list[Turn] = []
    for i, m in enumerate(messages):
        if isinstance(m, HumanMessage):
            turns.append(Turn("Shopper", m.text, i))
        elif isinstance(m, AIMessage) and not m.tool_calls:
            named = [pool[j].id for j in match_mentions(m.text, names)]
            turns.append(Turn("Salesperson", m.text, i, recommended=named))
    action = (decision or {}).get("action")
    outcome = {"add_to_cart": "accepted", "end_conversation": "ended_by_shopper"}.get(action or "", "max_turns_reached")
    conv = Conversation(turns=turns, outcome=outcome, persona=persona, category=persona.category if persona else None,
                        acceptable=persona.acceptable_products if persona else None)
    if action == "add_to_cart" and catalog is not None and (decision or {}).get("product"):
        resolve_purchase(conv, str((decision or {})["product"]), catalog)
    return conv


def create_judge_node(
    metrics: Sequence[str] | None = None,
    *,
    catalog: Catalog | None = None,
    messages_key: str = "messages",
    persona_key: str = "persona",
    decision_key: str = "shopper_decision",
    scores_key: str = "scores",
) -> Any:
    """A node that scores the conversation in your state and writes the scores to `scores_key`.

    Args:
        metrics: metric names (see `evaluation.METRICS`; default all).
        catalog: the catalog, to read recommendations and check products.
        messages_key: state key of the conversation (human = shopper, AI = salesperson).
        persona_key: state key of the persona.
        decision_key: state key of the shopper's decision (as written by `create_shopper_node`).
        scores_key: state key the list of scores is written to (give it an `operator.add` reducer
            to keep earlier scores).

    Returns:
        A node function for `StateGraph.add_node`.
    """
    names = list(metrics) if metrics is not None else list(METRICS)

    def judge_node(state: Mapping[str, Any]) -> dict[str, Any]:
        persona = _persona(state[persona_key]) if state.get(persona_key) is not None else None
        conv = conversation_from_messages(state.get(messages_key) or [], persona=persona, catalog=catalog,
                                          decision=state.get(decision_key))
        return {scores_key: score_conversation(conv, catalog=catalog, metrics=names)}

    return judge_node
