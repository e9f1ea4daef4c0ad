"""langgraph-salessim: simulate and score retail sales conversations with LangGraph."""

from langgraph_salessim.builtin import load_builtin_catalog, load_builtin_personas
from langgraph_salessim.catalog import BuyingGuide, Catalog, Product
from langgraph_salessim.constraints import Constraint, SoftConstraint
from langgraph_salessim.environment import ShopperEnv
from langgraph_salessim.evaluation import create_metric_judges, score_conversation
from langgraph_salessim.evaluators import create_evaluator
from langgraph_salessim.formats import DataError, load_catalog, load_personas
from langgraph_salessim.graph import create_salessim_graph
from langgraph_salessim.judges import Judge, classify_decision, create_decision_alignment_judge, decision_alignment
from langgraph_salessim.llm_judges import create_llm_judges
from langgraph_salessim.models import create_chat_model
from langgraph_salessim.offline_sales import create_offline_sales_agent
from langgraph_salessim.offline_shopper import create_offline_shopper
from langgraph_salessim.persona_generator import create_personas
from langgraph_salessim.persona_text import Archetype, PersonaProfile
from langgraph_salessim.personas import Persona, persona_hash, resolve_ground_truth
from langgraph_salessim.rewards import DEFAULT_WEIGHTS, as_trl_reward, combined_reward
from langgraph_salessim.rollouts import as_trl_rollout_reward
from langgraph_salessim.runner import run_conversations
from langgraph_salessim.sales_agent import create_sales_agent
from langgraph_salessim.seats import SalesAgent, SalesReply, SalesView, Shopper, ShopperReply, ShopperView
from langgraph_salessim.shopper import create_shopper
from langgraph_salessim.state import Context, SalesSimState, Score
from langgraph_salessim.tools import (
    create_add_to_cart_tool,
    create_buying_guide_search_tool,
    create_catalog_search_tool,
    create_end_conversation_tool,
    create_inspect_image_tool,
)

__all__ = [
    "Archetype",
    "BuyingGuide",
    "Catalog",
    "Constraint",
    "DEFAULT_WEIGHTS",
    "Context",
    "DataError",
    "Judge",
    "Persona",
    "PersonaProfile",
    "Product",
    "SalesAgent",
    "SalesReply",
    "SalesSimState",
    "SalesView",
    "ShopperEnv",
    "Score",
    "Shopper",
    "ShopperReply",
    "ShopperView",
    "SoftConstraint",
    "as_trl_reward",
    "as_trl_rollout_reward",
    "classify_decision",
    "combined_reward",
    "create_add_to_cart_tool",
    "create_buying_guide_search_tool",
    "create_chat_model",
    "create_catalog_search_tool",
    "create_decision_alignment_judge",
    "create_end_conversation_tool",
    "create_evaluator",
    "create_inspect_image_tool",
    "create_llm_judges",
    "create_metric_judges",
    "create_offline_sales_agent",
    "create_offline_shopper",
    "create_personas",
    "create_sales_agent",
    "create_salessim_graph",
    "create_shopper",
    "decision_alignment",
    "load_builtin_catalog",
    "load_builtin_personas",
    "load_catalog",
    "load_personas",
    "persona_hash",
    "resolve_ground_truth",
    "run_conversations",
    "score_conversation",
]
