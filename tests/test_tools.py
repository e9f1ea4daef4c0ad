"""LangChain tools of both seats (DESIGN §5): search, guides, image inspection, buy and leave."""

from __future__ import annotations

import base64
import io

import pytest
from langchain_core.messages import AIMessage, HumanMessage, ToolMessage
from langgraph.graph import END, START, MessagesState, StateGraph
from langgraph.prebuilt import ToolNode
from PIL import Image

from langgraph_salessim.images import SIZE, read_visual_attributes
from langgraph_salessim.tools import (
    create_add_to_cart_tool,
    create_buying_guide_search_tool,
    create_catalog_search_tool,
    create_end_conversation_tool,
    create_inspect_image_tool,
    describe_product,
    image_block,
)
from tests.data_factory import PRODUCTS

COLORS = {p["attributes"]["color"] for p in PRODUCTS}


def _call(tool, args: dict, call_id: str = "1") -> ToolMessage:
    msg = tool.invoke({"name": tool.name, "args": args, "id": call_id, "type": "tool_call"})
    assert isinstance(msg, ToolMessage)
    assert msg.tool_call_id == call_id
    return msg


def _decode_image(block: dict) -> Image.Image:
    assert block["type"] == "image"
    assert block["mime_type"] == "image/png"
    raw = base64.b64decode(block["base64"], validate=True)
    assert raw.startswith(b"\x89PNG\r\n\x1a\n")
    img = Image.open(io.BytesIO(raw))
    img.load()
    return img


# --- catalog_search --------------------------------------------------------------------------------------------


def test_catalog_search_returns_names_and_ids(small_catalog):
    tool = create_catalog_search_tool(small_catalog, category="laptop")
    assert tool.name == "catalog_search"
    msg = _call(tool, {"query": "ThinkPad X1 Carbon"})
    assert msg.name == "catalog_search"
    assert msg.artifact[0] == "lt-004"
    assert len(msg.artifact) == 5
    text = msg.text
    assert text.startswith("1. **Lenovo ThinkPad X1 Carbon Gen 11 Intel Core i5 16GB 512GB** — $1,449.00")
    # every product returned is named exactly, in the artifact's order
    names = [small_catalog.get(i).name for i in msg.artifact]
    positions = [text.index(f"**{n}**") for n in names]
    assert positions == sorted(positions)
    assert "ram_gb=16" in text


def test_catalog_search_never_reveals_the_colour(small_catalog):
    tool = create_catalog_search_tool(small_catalog, top_k=8)
    msg = _call(tool, {"query": "laptop"})
    assert len(msg.artifact) == 8
    lowered = msg.text.lower()
    assert "color" not in lowered
    for color in COLORS:
        assert color not in lowered, color


def test_catalog_search_price_bounds_and_filters_as_dicts(small_catalog):
    tool = create_catalog_search_tool(small_catalog, category="laptop", top_k=10)
    msg = _call(tool, {"query": "laptop", "max_price": 1500,
                       "filters": [{"attribute": "ram_gb", "operator": ">=", "value": 16}]})
    assert set(msg.artifact) == {"lt-003", "lt-004"}
    msg = _call(tool, {"query": "", "min_price": 900,
                       "filters": [{"attribute": "os", "operator": "==", "value": "macos"},
                                   {"attribute": "ports", "operator": "contains", "value": "hdmi"}]})
    assert msg.artifact == ["lt-002"]
    assert "Apple MacBook Pro 14 M3 Pro 18GB 512GB" in msg.text


def test_catalog_search_top_k_and_category(small_catalog):
    assert len(_call(create_catalog_search_tool(small_catalog, top_k=2), {"query": "laptop"}).artifact) == 2
    msg = _call(create_catalog_search_tool(small_catalog, category="phone"), {"query": "laptop"})
    assert msg.artifact == []
    assert "No products match" in msg.text


def test_catalog_search_no_match(small_catalog):
    msg = _call(create_catalog_search_tool(small_catalog), {"query": "laptop", "max_price": 50})
    assert msg.artifact == []
    assert msg.text == "No products match this search. Try fewer or looser filters."


def test_catalog_search_visual_filter_returns_a_message(small_catalog):
    tool = create_catalog_search_tool(small_catalog, category="laptop")
    msg = _call(tool, {"query": "laptop", "filters": [{"attribute": "color", "operator": "==", "value": "blue"}]})
    assert msg.text.startswith("Search failed:")
    assert "only visible in product images" in msg.text
    assert msg.artifact == []


def test_catalog_search_invalid_filter_value_returns_a_message(small_catalog):
    tool = create_catalog_search_tool(small_catalog)
    msg = _call(tool, {"query": "laptop", "filters": [{"attribute": "ram_gb", "operator": ">=", "value": "lots"}]})
    assert msg.text.startswith("Search failed:")
    assert "needs a number" in msg.text
    assert msg.artifact == []


def test_catalog_search_schema(small_catalog):
    tool = create_catalog_search_tool(small_catalog, name="search_store")
    assert tool.name == "search_store"
    schema = tool.tool_call_schema.model_json_schema()
    assert set(schema["properties"]) == {"query", "min_price", "max_price", "filters"}
    assert schema["required"] == ["query"]
    operator = schema["$defs"]["AttributeFilter"]["properties"]["operator"]
    assert "not_contains" in operator["enum"]


def test_describe_product_hides_visual_attributes(small_catalog):
    p = small_catalog.get("lt-008")
    line = describe_product(p, small_catalog)
    assert line.startswith("**Microsoft Surface Laptop 5 Intel Core i5 8GB 256GB** — $899.99")
    assert "touchscreen=True" in line
    assert "rose gold" not in line and "color" not in line
    assert line.endswith(p.description)


# --- buying_guide_search ---------------------------------------------------------------------------------------


def test_buying_guide_search_tool(small_catalog):
    tool = create_buying_guide_search_tool(small_catalog, category="laptop")
    assert tool.name == "buying_guide_search"
    assert set(tool.tool_call_schema.model_json_schema()["properties"]) == {"query"}
    out = tool.invoke({"query": "how much RAM for photo editing"})
    assert out.startswith("## How much RAM do you need?\n")
    assert "16GB" in out
    assert "Choosing a gaming laptop" not in out
    assert tool.invoke({"query": "which GPU for games"}).startswith("## Choosing a gaming laptop")
    assert tool.invoke({"query": "xyzzy"}) == "No buying guide covers this question."
    other = create_buying_guide_search_tool(small_catalog, category="phone", name="guides")
    assert other.name == "guides"
    assert other.invoke({"query": "RAM"}) == "No buying guide covers this question."


# --- inspect_image ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("pid", ["lt-001", "lt-005", "lt-008"])
def test_inspect_image_returns_text_and_image_blocks(small_catalog, pid):
    product = small_catalog.get(pid)
    tool = create_inspect_image_tool(small_catalog, category="laptop")
    msg = _call(tool, {"product": product.name})
    assert msg.artifact == pid
    assert isinstance(msg.content, list) and len(msg.content) == 2
    text, image = msg.content
    assert text["type"] == "text" and product.name in text["text"]
    img = _decode_image(image)
    assert img.size == SIZE
    assert read_visual_attributes(img) == {"color": product.attributes["color"]}


def test_inspect_image_fuzzy_name(small_catalog):
    msg = _call(create_inspect_image_tool(small_catalog), {"product": "Dell XPS 13 Plus"})
    assert msg.artifact == "lt-003"
    assert read_visual_attributes(base64.b64decode(msg.content[1]["base64"])) == {"color": "black"}


def test_inspect_image_unknown_product(small_catalog):
    msg = _call(create_inspect_image_tool(small_catalog), {"product": "Razer Blade 16"})
    assert msg.artifact is None
    assert isinstance(msg.content, str)
    assert "No product named 'Razer Blade 16'" in msg.content


def test_inspect_image_missing_image_file(small_catalog):
    small_catalog.image_path(small_catalog.get("lt-002")).unlink()
    msg = _call(create_inspect_image_tool(small_catalog), {"product": "Apple MacBook Pro 14 M3 Pro 18GB 512GB"})
    assert msg.content == "'Apple MacBook Pro 14 M3 Pro 18GB 512GB' has no image available."
    assert msg.artifact == "lt-002"


def test_inspect_image_schema(small_catalog):
    for mentioned_only in (False, True):
        tool = create_inspect_image_tool(small_catalog, mentioned_only=mentioned_only)
        assert tool.name == "inspect_image"
        schema = tool.tool_call_schema.model_json_schema()
        assert set(schema["properties"]) == {"product"}  # the injected state is hidden from the model


def test_image_block_mime_type(tmp_path, small_catalog):
    path = small_catalog.image_path(small_catalog.get("lt-001"))
    block = image_block(path)
    assert block["mime_type"] == "image/png"
    jpg = tmp_path / "x.jpg"
    Image.open(path).convert("RGB").save(jpg, format="JPEG")
    assert image_block(jpg)["mime_type"] == "image/jpeg"


# --- inspect_image, mentioned_only ------------------------------------------------------------------------------

HISTORY = [
    AIMessage("Hello! I'm here to help you find the perfect product. What are you looking for today?"),
    HumanMessage("I need a light laptop. What about the Dell XPS 13 Plus?"),  # named by the shopper only
    AIMessage("I'd suggest the **HP Pavilion 15 AMD Ryzen 5 8GB 512GB**, great value."),
    HumanMessage("Anything else?"),
    AIMessage([{"type": "text", "text": "Also consider the Acer Chromebook 314 Intel Celeron 4GB 64GB."}]),
]


def _run_tool_node(tool, product: str) -> ToolMessage:
    graph = StateGraph(MessagesState)
    graph.add_node("tools", ToolNode([tool]))
    graph.add_edge(START, "tools")
    graph.add_edge("tools", END)
    call = AIMessage("", tool_calls=[{"name": "inspect_image", "args": {"product": product}, "id": "call-1"}])
    out = graph.compile().invoke({"messages": [*HISTORY, call]})
    last = out["messages"][-1]
    assert isinstance(last, ToolMessage) and last.tool_call_id == "call-1"
    return last


def test_mentioned_only_in_a_graph_shows_a_named_product(small_catalog):
    tool = create_inspect_image_tool(small_catalog, category="laptop", mentioned_only=True)
    msg = _run_tool_node(tool, "HP Pavilion 15 AMD Ryzen 5 8GB 512GB")
    assert msg.artifact == "lt-005"
    assert msg.content[0]["type"] == "text" and "HP Pavilion 15" in msg.content[0]["text"]
    assert read_visual_attributes(_decode_image(msg.content[1])) == {"color": "blue"}


def test_mentioned_only_in_a_graph_refuses_an_unnamed_product(small_catalog):
    tool = create_inspect_image_tool(small_catalog, category="laptop", mentioned_only=True)
    msg = _run_tool_node(tool, "Dell XPS 13 Plus Intel Core i7 16GB 512GB")
    assert msg.artifact is None
    assert isinstance(msg.content, str)
    assert "has not been mentioned by the salesperson" in msg.content
    assert "Dell XPS 13 Plus Intel Core i7 16GB 512GB" in msg.content


def test_mentioned_only_with_state_passed_in(small_catalog):
    tool = create_inspect_image_tool(small_catalog, mentioned_only=True)
    state = {"messages": HISTORY}
    # named in plain text (list content) by the salesperson
    msg = _call(tool, {"product": "Acer Chromebook 314 Intel Celeron 4GB 64GB", "state": state})
    assert msg.artifact == "lt-007"
    assert read_visual_attributes(_decode_image(msg.content[1])) == {"color": "green"}
    # a shortened name of a product the salesperson named in bold
    assert _call(tool, {"product": "HP Pavilion 15", "state": state}).artifact == "lt-005"
    # never named
    msg = _call(tool, {"product": "Apple MacBook Air 13 M2 8GB 256GB", "state": state})
    assert msg.artifact is None and "ask about it first" in msg.content
    # nothing said yet
    msg = _call(tool, {"product": "HP Pavilion 15 AMD Ryzen 5 8GB 512GB", "state": {"messages": []}})
    assert msg.artifact is None and "has not been mentioned" in msg.content
    # not in the catalog at all
    msg = _call(tool, {"product": "Razer Blade 16", "state": state})
    assert msg.artifact is None and "No product named 'Razer Blade 16'" in msg.content


def test_mentioned_only_shortened_name_in_plain_text(small_catalog):
    tool = create_inspect_image_tool(small_catalog, mentioned_only=True)
    state = {"messages": [AIMessage("The Dell XPS 13 Plus is compact; the MacBook Air is lighter.")]}
    assert _call(tool, {"product": "Dell XPS 13 Plus", "state": state}).artifact == "lt-003"
    assert _call(tool, {"product": "MacBook Air", "state": state}).artifact == "lt-001"
    assert _call(tool, {"product": "MacBook Pro 14", "state": state}).artifact is None


# --- add_to_cart / end_conversation ----------------------------------------------------------------------------


def test_add_to_cart_tool():
    tool = create_add_to_cart_tool()
    assert tool.name == "add_to_cart"
    schema = tool.tool_call_schema.model_json_schema()
    assert list(schema["properties"]) == ["product"]
    assert schema["required"] == ["product"]
    assert "ends the conversation" in tool.description
    assert tool.invoke({"product": "HP Pavilion 15"}) == "Added 'HP Pavilion 15' to the cart."
    msg = _call(tool, {"product": "Dell XPS 13 Plus"}, call_id="buy-1")
    assert msg.content == "Added 'Dell XPS 13 Plus' to the cart."
    assert create_add_to_cart_tool(name="buy").name == "buy"


def test_end_conversation_tool():
    tool = create_end_conversation_tool()
    assert tool.name == "end_conversation"
    assert tool.tool_call_schema.model_json_schema()["properties"] == {}
    assert "without buying" in tool.description
    assert tool.invoke({}) == "Conversation ended."
    assert _call(tool, {}, call_id="leave").content == "Conversation ended."
    assert create_end_conversation_tool(name="leave").name == "leave"
