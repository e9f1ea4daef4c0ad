"""Turning each seat's reply into state updates: what the graph does between the seats."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from langchain_core.messages import AIMessage, AnyMessage, HumanMessage

from langgraph_salessim.actions import ParsedReply, parse_reply
from langgraph_salessim.catalog import Catalog, Product
from langgraph_salessim.matching import best_match, candidate_mentions
from langgraph_salessim.search import query_tokens, token_coverage
from langgraph_salessim.seats import SalesReply
from langgraph_salessim.state import Purchase, state_persona
from langgraph_salessim.tools import image_block

SHOPPER_NAME = "shopper"
SALESPERSON_NAME = "salesperson"
MAX_SHOPPER_TOOL_ROUNDS = 3


def shopper_transcript(messages: Sequence[AnyMessage]) -> list[AnyMessage]:
    """The public transcript with roles flipped for the shopper's model.

    Salesperson turns become human messages and the shopper's own turns AI messages;
    tool calls and tool results (the sales agent's private work) are left out.
    """
    out: list[AnyMessage] = []
    for m in messages:
        if isinstance(m, HumanMessage):
            out.append(AIMessage(content=m.content, name=SHOPPER_NAME))
        elif isinstance(m, AIMessage) and not m.tool_calls:
            out.append(HumanMessage(content=m.content, name=SALESPERSON_NAME))
    return out


def public_transcript(messages: Sequence[AnyMessage]) -> list[AnyMessage]:
    """The transcript as the sales agent may see it: shopper and salesperson turns only."""
    return [m for m in messages if isinstance(m, HumanMessage) or (isinstance(m, AIMessage) and not m.tool_calls)]


def error_update(seat: str, err: BaseException) -> dict[str, Any]:
    """The update that ends a conversation because a seat failed."""
    message = f"{type(err).__name__}: {err}"
    return {"outcome": "error", "termination_reason": f"error in {seat}: {message}", "error_message": message}


def is_empty(parsed: ParsedReply) -> bool:
    """A reply with neither visible text nor an action."""
    return not parsed.visible.strip() and not parsed.tool_calls


def _recommended(state: Mapping[str, Any], catalog: Catalog) -> list[Product]:
    ids = dict.fromkeys(pid for r in state.get("recommended", []) for pid in r["product_ids"])
    return [catalog.get(pid) for pid in ids]


def match_purchase(name: str, said: str, state: Mapping[str, Any], catalog: Catalog | None) -> Purchase:
    """Match the product named in `add_to_cart` to the catalog, recommended products first.

    An empty name (the v0 `[ACCEPT]` token) means the recommended product the shopper's
    message names best, or else the one recommended last.
    """
    if catalog is None:
        return {"name": name, "product_id": None}
    recommended = _recommended(state, catalog)
    if not name:
        if not recommended:
            return {"name": name, "product_id": None}
        scored = [(token_coverage(query_tokens(p.name), said), i, p) for i, p in enumerate(recommended)]
        best = max(scored, key=lambda t: (t[0], t[1]))[2]
        return {"name": best.name, "product_id": best.id}
    product = catalog.find(name, among=recommended) if recommended else None
    product = product or catalog.find(name, category=state_persona(state).category)
    return {"name": name, "product_id": product.id if product else None}


def shopper_update(
    msg: AIMessage, memory: dict[str, Any] | None, state: Mapping[str, Any], catalog: Catalog | None
) -> dict[str, Any]:
    """State update for the shopper's move: an image inspection, a message, a purchase or leaving."""
    parsed = parse_reply(msg.text, [dict(c) for c in msg.tool_calls])
    update: dict[str, Any] = {} if memory is None else {"shopper_memory": memory}
    terminal = next((c for c in parsed.tool_calls if c["name"] in ("add_to_cart", "end_conversation")), None)
    inspects = [c for c in parsed.tool_calls if c["name"] == "inspect_image"]
    rounds = state.get("shopper_tool_rounds", 0)
    usage = dict(msg.usage_metadata) if msg.usage_metadata else None
    base = {"reasoning": parsed.reasoning, "format_leak": parsed.format_leak, "usage": usage}
    if terminal is None and inspects and rounds < MAX_SHOPPER_TOOL_ROUNDS:
        update["shopper_scratch"] = [AIMessage(content=parsed.visible, tool_calls=inspects)]
        update["shopper_tool_rounds"] = rounds + 1
        update["shopper_actions"] = [{"turn": state.get("turn", 0) + 1, "action": "inspect_image",
                                      "products": [c["args"].get("product") for c in inspects], **base}]
        return update
    turn = state.get("turn", 0) + 1
    action: dict[str, Any] = {"turn": turn, "action": terminal["name"] if terminal else "message", **base}
    update.update(turn=turn, shopper_tool_rounds=0, shopper_actions=[action])
    # one human message per shopper turn (even an empty one) keeps turns and messages aligned
    update["messages"] = [HumanMessage(content=parsed.visible, name=SHOPPER_NAME)]
    if terminal is not None and terminal["name"] == "add_to_cart":
        purchase = match_purchase(str(terminal["args"].get("product", "")).strip(), parsed.visible, state, catalog)
        action["product"] = purchase["name"]
        update.update(outcome="accepted", purchase=purchase,
                      termination_reason=f"accepted: shopper added '{purchase['name']}' to the cart")
    elif terminal is not None:
        update.update(outcome="ended_by_shopper", termination_reason="ended_by_shopper: shopper left")
    return update


def after_shopper(state: Mapping[str, Any], limit: int) -> str:
    """Where the conversation goes after the shopper's move (`state`: with the move's update applied).

    `shopper_tools` when the move asked to inspect images, `finalize` when it ended the conversation
    or used the last of `limit` turns, else `sales_agent`. The graph's shopper node routes with it
    through `Command(goto=...)`: a routing function on an edge would make LangGraph copy every
    channel to show it the updated state.
    """
    if state.get("outcome") is not None:
        return "finalize"
    scratch = state.get("shopper_scratch") or []
    if scratch and isinstance(scratch[-1], AIMessage) and scratch[-1].tool_calls:
        return "shopper_tools"
    return "finalize" if state.get("turn", 0) >= limit else "sales_agent"


def finalize_update(state: Mapping[str, Any]) -> dict[str, Any]:
    """The end of a conversation: outcome `max_turns_reached` unless a seat already decided it."""
    if state.get("outcome") is not None:
        return {}
    return {"outcome": "max_turns_reached",
            "termination_reason": f"max_turns_reached: {state.get('turn', 0)} shopper turns without a decision"}


def caption(product: Product, catalog: Catalog) -> str:
    """A short text standing in for a product image (for text-only shopper models)."""
    visual = {k: v for k, v in product.attributes.items() if catalog.is_visual(product.category, k)}
    looks = ", ".join(f"{k}: {v}" for k, v in visual.items())
    return f"Image of {product.name}" + (f" ({looks})" if looks else "")


def _image_blocks(products: list[Product], catalog: Catalog) -> list[dict[str, Any]]:
    blocks = []
    for p in products:
        path = catalog.image_path(p)
        if path is not None and path.exists():
            blocks.append({**image_block(path), "extras": {"product_id": p.id, "caption": caption(p, catalog)}})
    return blocks


def sales_update(
    reply: SalesReply, state: Mapping[str, Any], catalog: Catalog, *, attach_images: bool
) -> dict[str, Any]:
    """State update for a salesperson turn: its messages, recommendations, private trace.

    Recommendations are the bold / numbered names of its text matched to the products it
    retrieved in this conversation (or to the whole category when its retrieval is not
    visible). With `attach_images`, their images ride on its last message.
    """
    visible = [AIMessage(content=m.content, name=SALESPERSON_NAME) for m in reply.messages if m.text.strip()]
    if not visible:
        return error_update("sales_agent", ValueError("the sales agent returned no text"))
    if reply.usage:
        visible[0].usage_metadata = reply.usage  # type: ignore[assignment]  # the whole turn's usage
    category = state_persona(state).category
    retrieved = [pid for t in state.get("sales_trace", []) for pid in t.get("product_ids", [])]
    retrieved += reply.retrieved or []
    pool = [catalog.get(pid) for pid in dict.fromkeys(retrieved)] if retrieved else catalog.in_category(category)
    ids: list[str] = []
    unmatched: list[str] = []
    mentions = candidate_mentions("\n".join(m.text for m in visible))
    for mention in mentions:
        idx = best_match(mention, [p.name for p in pool])
        if idx is None:
            unmatched.append(mention)
        elif pool[idx].id not in ids:
            ids.append(pool[idx].id)
    if attach_images and ids:
        last = visible[-1]
        text = [{"type": "text", "text": last.content}] if isinstance(last.content, str) else list(last.content)
        visible[-1] = last.model_copy(update={"content": text + _image_blocks([catalog.get(i) for i in ids], catalog)})
    turn = state.get("turn", 0)
    trace = [{**t, "turn": turn} for t in reply.trace]
    if reply.retrieved is not None and not reply.trace:
        trace = [{"turn": turn, "tool": "retrieval", "product_ids": list(reply.retrieved)}]
    return {
        "messages": visible,
        "sales_trace": trace,
        "recommended": [{"turn": turn, "product_ids": ids, "mentions": mentions, "unmatched": unmatched}],
    }
