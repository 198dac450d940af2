#!/usr/bin/env python3
"""Checks the connector catalog (schemas/connectors/*.schema.json) against the Onyx source it was read from.

Usage:
    python3 tools/check_catalog.py <onyx-git-dir> <commit> [--schemas schemas/connectors]

<onyx-git-dir> is a clone (or bare mirror) of onyx-dot-app/onyx; files are read with `git show <commit>:<path>`, so no
work tree is needed. Standard library only. Exit code 0 when every schema agrees with the source, 1 on any mismatch,
2 on a usage or read error.

What is checked, per source of CONNECTOR_CLASS_MAP (backend/onyx/connectors/registry.py) except mock_connector:
  * a schema file exists, x-onyx-source and x-onyx-class match the registry;
  * every schema property is a real __init__ parameter (the class's own, or inherited through its bases, following
    imports into other modules), with the exact JSON name;
  * `required` is exactly the parameters without a default (a parameter without a default the schema leaves out is
    a mismatch: the constructor would fail);
  * literal defaults (constants, empty list / dict) equal the schema's `default`; a schema `default` where Python's
    default is not a literal (None, a server constant) is a mismatch; a literal default the schema omits is a mismatch;
  * JSON types match the annotation (str, int, float, bool, list, dict, Optional / `| None`, Enum, Literal);
  * additionalProperties: absent exactly when __init__ takes **kwargs (web: absent, the server ignores extra keys;
    drupal_wiki: false, its __init__ rejects every extra keyword itself);
  * x-onyx-input-types: the set accepted by the factory from the class's bases (LoadConnector -> load_state;
    PollConnector or CheckpointedConnector -> poll; EventConnector -> event), and the first entry is the admin UI's;
  * x-onyx-perm-sync: true exactly for the sources in backend/ee/onyx/external_permissions/sync_params.py;
  * credential keys read directly in load_credentials (`credentials["k"]`, `credentials.get("k")`) are in the
    schema's x-onyx-credential; keys the schema lists that are not read directly are reported (read through a helper
    or a credentials provider: reviewed by hand, see docs/catalog-review.md).
Parameters the schema leaves out are listed per source so a reviewer sees them.
"""

from __future__ import annotations

import argparse
import ast
import json
import os
import subprocess
import sys

REGISTRY = "backend/onyx/connectors/registry.py"
CONSTANTS = "backend/onyx/configs/constants.py"
SYNC_PARAMS = "backend/ee/onyx/external_permissions/sync_params.py"
INTERFACES = "onyx.connectors.interfaces"

# The input type the admin UI sends (web/src/lib/connectors/connectors.tsx); every other source: poll.
UI_LOAD_STATE_SOURCES = {"web", "xenforo", "file", "airtable"}
# Exceptions to "additionalProperties absent exactly when **kwargs".
EXTRA_KEYS_IGNORED = {"web"}  # no **kwargs, but the server ignores extra keys: absent
EXTRA_KEYS_REJECTED_BY_CLASS = {"drupal_wiki"}  # **kwargs, but __init__ raises for any extra key: false

JSON_TYPE = {"str": "string", "int": "integer", "float": "number", "bool": "boolean"}
LIST_NAMES = {"list", "List", "Sequence", "tuple", "Tuple", "set", "Set", "Iterable"}
DICT_NAMES = {"dict", "Dict", "Mapping"}


class Onyx:
    """Reads and parses Onyx modules at one commit."""

    def __init__(self, git_dir: str, commit: str):
        self.git_dir = git_dir
        self.commit = commit
        self._modules: dict[str, ast.Module | None] = {}

    def show(self, path: str) -> str | None:
        result = subprocess.run(
            ["git", "--git-dir", self.git_dir, "show", f"{self.commit}:{path}"],
            capture_output=True,
        )
        return result.stdout.decode("utf-8") if result.returncode == 0 else None

    def module(self, dotted: str) -> ast.Module | None:
        if dotted not in self._modules:
            base = "backend/" + dotted.replace(".", "/")
            text = self.show(base + ".py")
            if text is None:
                text = self.show(base + "/__init__.py")
            self._modules[dotted] = ast.parse(text) if text is not None else None
        return self._modules[dotted]


def resolve_git_dir(path: str) -> str:
    for candidate in (os.path.join(path, ".git"), path):
        if os.path.isdir(os.path.join(candidate, "objects")):
            return candidate
    return path


# ---------------------------------------------------------------------------------------------------------------------
# Registry, DocumentSource values, permission sync


def document_source_values(onyx: Onyx) -> dict[str, str]:
    tree = ast.parse(onyx.show(CONSTANTS) or "")
    for node in tree.body:
        if isinstance(node, ast.ClassDef) and node.name == "DocumentSource":
            values = {}
            for stmt in node.body:
                if isinstance(stmt, ast.Assign) and isinstance(stmt.value, ast.Constant):
                    for target in stmt.targets:
                        if isinstance(target, ast.Name):
                            values[target.id] = stmt.value.value
            return values
    raise SystemExit("DocumentSource not found in " + CONSTANTS)


def registry(onyx: Onyx, sources: dict[str, str]) -> dict[str, tuple[str, str]]:
    tree = ast.parse(onyx.show(REGISTRY) or "")
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == "CONNECTOR_CLASS_MAP" for t in node.targets):
            result = {}
            for key, value in zip(node.value.keys, node.value.values):
                kwargs = {k.arg: k.value.value for k in value.keywords}
                result[sources[key.attr]] = (kwargs["module_path"], kwargs["class_name"])
            return result
    raise SystemExit("CONNECTOR_CLASS_MAP not found in " + REGISTRY)


def perm_sync_sources(onyx: Onyx, sources: dict[str, str]) -> set[str]:
    tree = ast.parse(onyx.show(SYNC_PARAMS) or "")
    for node in ast.walk(tree):
        target = node.target if isinstance(node, ast.AnnAssign) else (node.targets[0] if isinstance(node, ast.Assign) else None)
        if isinstance(target, ast.Name) and target.id == "_SOURCE_TO_SYNC_CONFIG" and isinstance(node.value, ast.Dict):
            return {sources[k.attr] for k in node.value.keys if isinstance(k, ast.Attribute)}
    raise SystemExit("_SOURCE_TO_SYNC_CONFIG not found in " + SYNC_PARAMS)


# ---------------------------------------------------------------------------------------------------------------------
# Classes, bases and imports


def find_class(tree: ast.Module, name: str) -> ast.ClassDef | None:
    for node in tree.body:
        if isinstance(node, ast.ClassDef) and node.name == name:
            return node
    return None


def imported_name(tree: ast.Module, module: str, name: str) -> tuple[str, str] | None:
    """Where a name used in `module` comes from: (module, name), following `from x import y [as z]`."""
    package = module.rsplit(".", 1)[0]
    for node in tree.body:
        if isinstance(node, ast.ImportFrom):
            for alias in node.names:
                if (alias.asname or alias.name) == name:
                    source = node.module or ""
                    if node.level:
                        parts = module.split(".")[: -node.level]
                        source = ".".join(parts + ([source] if source else []))
                    return source, alias.name
    del package
    return None


def base_name(expr: ast.expr) -> str | None:
    if isinstance(expr, ast.Subscript):
        expr = expr.value
    if isinstance(expr, ast.Name):
        return expr.id
    if isinstance(expr, ast.Attribute):
        return expr.attr
    return None


def resolve_expr(onyx: Onyx, module: str, expr: ast.expr) -> tuple[str, str] | None:
    """The (module, name) a base-class expression names: `Name`, `Name[...]`, or `module_alias.Name`."""
    if isinstance(expr, ast.Subscript):
        expr = expr.value
    if isinstance(expr, ast.Name):
        return module, expr.id
    if isinstance(expr, ast.Attribute) and isinstance(expr.value, ast.Name):
        tree = onyx.module(module)
        origin = imported_name(tree, module, expr.value.id) if tree is not None else None
        if origin is not None:
            # `from package import submodule` then `submodule.Class`
            candidate = origin[0] + "." + origin[1]
            if onyx.module(candidate) is not None:
                return candidate, expr.attr
        if tree is not None:
            for node in tree.body:
                if isinstance(node, ast.Import):
                    for alias in node.names:
                        if (alias.asname or alias.name) == expr.value.id:
                            return alias.name, expr.attr
    return None


def resolve_class(onyx: Onyx, module: str, name: str) -> tuple[str, ast.Module, ast.ClassDef] | None:
    seen = set()
    while (module, name) not in seen:
        seen.add((module, name))
        tree = onyx.module(module)
        if tree is None:
            return None
        cls = find_class(tree, name)
        if cls is not None:
            return module, tree, cls
        origin = imported_name(tree, module, name)
        if origin is None:
            return None
        module, name = origin
    return None


def mro(onyx: Onyx, module: str, name: str) -> list[tuple[str, ast.Module, ast.ClassDef]]:
    """The class and its resolvable bases, depth first, left to right (close enough to the MRO for what is checked)."""
    result, seen = [], set()

    def visit(mod: str, nm: str) -> None:
        found = resolve_class(onyx, mod, nm)
        if found is None or (found[0], found[2].name) in seen:
            return
        seen.add((found[0], found[2].name))
        result.append(found)
        for base in found[2].bases:
            target = resolve_expr(onyx, found[0], base)
            if target is not None:
                visit(*target)

    visit(module, name)
    return result


def input_types(chain: list[tuple[str, ast.Module, ast.ClassDef]]) -> set[str]:
    names = {cls.name for mod, _, cls in chain if mod == INTERFACES}
    types = set()
    if "LoadConnector" in names:
        types.add("load_state")
    if "PollConnector" in names or "CheckpointedConnector" in names:
        types.add("poll")
    if "EventConnector" in names:
        types.add("event")
    return types


def find_init(chain):
    for module, tree, cls in chain:
        for stmt in cls.body:
            if isinstance(stmt, ast.FunctionDef) and stmt.name == "__init__":
                return module, tree, cls, stmt
    return None


# ---------------------------------------------------------------------------------------------------------------------
# Annotations and defaults


class Param:
    def __init__(self, name, annotation, default, has_default):
        self.name = name
        self.annotation = annotation
        self.default = default
        self.has_default = has_default


def parameters(fn: ast.FunctionDef) -> tuple[list[Param], bool]:
    args = fn.args
    positional = args.posonlyargs + args.args
    defaults = [None] * (len(positional) - len(args.defaults)) + list(args.defaults)
    params = [Param(a.arg, a.annotation, d, d is not None) for a, d in zip(positional, defaults)][1:]  # drop self
    params += [Param(a.arg, a.annotation, d, d is not None) for a, d in zip(args.kwonlyargs, args.kw_defaults)]
    return params, args.kwarg is not None


NOT_LITERAL = object()


def literal(node: ast.expr | None, onyx: Onyx | None = None, module: str | None = None):
    """The Python value of a literal default, or NOT_LITERAL (None is not written in the schema either).
    An Enum member's `.value` (`SomeEnum.MEMBER.value`) counts as a literal: it is fixed in the source."""
    if node is None:
        return NOT_LITERAL
    if (onyx is not None and isinstance(node, ast.Attribute) and node.attr == "value"
            and isinstance(node.value, ast.Attribute) and isinstance(node.value.value, ast.Name)):
        found = resolve_class(onyx, module, node.value.value.id)
        if found is not None:
            for stmt in found[2].body:
                if (isinstance(stmt, ast.Assign) and isinstance(stmt.value, ast.Constant)
                        and any(isinstance(t, ast.Name) and t.id == node.value.attr for t in stmt.targets)):
                    return stmt.value.value
        return NOT_LITERAL
    if isinstance(node, ast.Constant):
        return NOT_LITERAL if node.value is None else node.value
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub) and isinstance(node.operand, ast.Constant):
        return -node.operand.value
    if isinstance(node, (ast.List, ast.Tuple)) and not node.elts:
        return []
    if isinstance(node, ast.Dict) and not node.keys:
        return {}
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in ("list", "dict") and not node.args:
        return [] if node.func.id == "list" else {}
    return NOT_LITERAL


def enum_values(onyx: Onyx, module: str, tree: ast.Module, name: str):
    found = resolve_class(onyx, module, name)
    if found is None:
        return None
    _, _, cls = found
    if not any(base_name(b) in ("Enum", "str", "StrEnum") for b in cls.bases):
        return None
    values = []
    for stmt in cls.body:
        if isinstance(stmt, ast.Assign) and isinstance(stmt.value, ast.Constant) and isinstance(stmt.value.value, str):
            values.append(stmt.value.value)
    return values


def json_types(onyx: Onyx, module: str, tree: ast.Module, node: ast.expr | None):
    """(set of JSON types, enum values or None), or (None, reason) when the annotation cannot be mapped."""
    if node is None:
        return None, "no annotation"
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        node = ast.parse(node.value, mode="eval").body
    if isinstance(node, ast.Constant) and node.value is None:
        return {"null"}, None
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.BitOr):
        left, le = json_types(onyx, module, tree, node.left)
        right, re = json_types(onyx, module, tree, node.right)
        if left is None or right is None:
            return None, le if left is None else re
        return left | right, le or re
    if isinstance(node, ast.Subscript):
        outer = base_name(node.value)
        inner = node.slice
        if outer == "Optional":
            types, extra = json_types(onyx, module, tree, inner)
            return (types | {"null"} if types is not None else None), extra
        if outer == "Union":
            result, enum = set(), None
            for element in inner.elts:
                types, extra = json_types(onyx, module, tree, element)
                if types is None:
                    return None, extra
                result |= types
                enum = enum or extra
            return result, enum
        if outer in LIST_NAMES:
            return {"array"}, None
        if outer in DICT_NAMES:
            return {"object"}, None
        if outer == "Literal":
            elts = inner.elts if isinstance(inner, ast.Tuple) else [inner]
            values = [e.value for e in elts if isinstance(e, ast.Constant)]
            types = {JSON_TYPE.get(type(v).__name__, "?") for v in values}
            return types, values
    name = base_name(node)
    if name in JSON_TYPE:
        return {JSON_TYPE[name]}, None
    if name in LIST_NAMES:
        return {"array"}, None
    if name in DICT_NAMES:
        return {"object"}, None
    if name == "Any":
        return None, "Any"
    if name is not None:
        values = enum_values(onyx, module, tree, name)
        if values is not None:
            return {"string"}, values
    return None, f"unmapped annotation {ast.unparse(node)}"


def list_item_annotation(node: ast.expr | None) -> ast.expr | None:
    """The element annotation of `list[X]` inside the annotation (through Optional / `| None`), if any."""
    if node is None:
        return None
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        node = ast.parse(node.value, mode="eval").body
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.BitOr):
        return list_item_annotation(node.left) or list_item_annotation(node.right)
    if isinstance(node, ast.Subscript):
        outer = base_name(node.value)
        if outer in ("Optional", "Union"):
            inner = node.slice.elts if isinstance(node.slice, ast.Tuple) else [node.slice]
            for element in inner:
                found = list_item_annotation(element)
                if found is not None:
                    return found
        if outer in LIST_NAMES and not isinstance(node.slice, ast.Tuple):
            return node.slice
    return None


def schema_types(prop: dict) -> set[str]:
    t = prop.get("type")
    if t is None:
        return set()
    return set(t) if isinstance(t, list) else {t}


# ---------------------------------------------------------------------------------------------------------------------
# Credentials read directly in load_credentials


def string_constant(onyx: Onyx, module: str, name: str, depth: int = 0) -> str | None:
    """The value of a module-level `NAME = "text"` (following `from x import NAME`)."""
    tree = onyx.module(module)
    if tree is None or depth > 3:
        return None
    for node in tree.body:
        if (isinstance(node, ast.Assign) and isinstance(node.value, ast.Constant) and isinstance(node.value.value, str)
                and any(isinstance(t, ast.Name) and t.id == name for t in node.targets)):
            return node.value.value
    origin = imported_name(tree, module, name)
    return string_constant(onyx, origin[0], origin[1], depth + 1) if origin else None


def find_function(onyx: Onyx, module: str, name: str, depth: int = 0):
    """A module-level function `name` visible in `module` (defined there or imported): (module, FunctionDef)."""
    tree = onyx.module(module)
    if tree is None or depth > 3:
        return None
    for node in tree.body:
        if isinstance(node, ast.FunctionDef) and node.name == name:
            return module, node
    origin = imported_name(tree, module, name)
    return find_function(onyx, origin[0], origin[1], depth + 1) if origin else None


def keys_in_function(onyx: Onyx, module: str, fn: ast.FunctionDef, param: str, chain, depth: int, seen: set) -> set[str]:
    """Keys read as `<param>[K]` / `<param>.get(K)` in fn, K a string literal or a string constant; follows calls that
    pass `<param>` on to a module function or a method of the class chain (two levels deep)."""
    if (module, fn.name, param) in seen:
        return set()
    seen.add((module, fn.name, param))

    def key_of(node: ast.expr) -> str | None:
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            return node.value
        if isinstance(node, ast.Name):
            return string_constant(onyx, module, node.id)
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name):
            # Class constants such as `SomeClass.KEY`: look the class up in this module.
            found = resolve_class(onyx, module, node.value.id)
            if found is not None:
                for stmt in found[2].body:
                    if (isinstance(stmt, ast.Assign) and isinstance(stmt.value, ast.Constant) and isinstance(stmt.value.value, str)
                            and any(isinstance(t, ast.Name) and t.id == node.attr for t in stmt.targets)):
                        return stmt.value.value
        return None

    keys = set()
    for node in ast.walk(fn):
        if isinstance(node, ast.Subscript) and isinstance(node.value, ast.Name) and node.value.id == param:
            key = key_of(node.slice)
            if key is not None:
                keys.add(key)
        if isinstance(node, ast.Compare) and len(node.ops) == 1 and isinstance(node.ops[0], ast.In):
            if isinstance(node.comparators[0], ast.Name) and node.comparators[0].id == param:
                key = key_of(node.left)
                if key is not None:
                    keys.add(key)
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        if (isinstance(func, ast.Attribute) and func.attr in ("get", "pop") and isinstance(func.value, ast.Name)
                and func.value.id == param and node.args):
            key = key_of(node.args[0])
            if key is not None:
                keys.add(key)
            continue
        if depth >= 2:
            continue
        # A helper the credentials are passed to.
        passed = [i for i, a in enumerate(node.args) if isinstance(a, ast.Name) and a.id == param]
        passed_kw = [k.arg for k in node.keywords if isinstance(k.value, ast.Name) and k.value.id == param and k.arg]
        if not passed and not passed_kw:
            continue
        target = None
        if isinstance(func, ast.Name):
            target = find_function(onyx, module, func.id)
            offset = 0
        elif isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name) and func.value.id in ("self", "cls"):
            for mod, _, cls in chain:
                for stmt in cls.body:
                    if isinstance(stmt, ast.FunctionDef) and stmt.name == func.attr:
                        target = (mod, stmt)
                        break
                if target:
                    break
            offset = 1
        if target is None:
            continue
        callee_module, callee = target
        names = [a.arg for a in callee.args.posonlyargs + callee.args.args][offset if isinstance(func, ast.Attribute) else 0:]
        callee_params = [names[i] for i in passed if i < len(names)] + passed_kw
        for callee_param in callee_params:
            keys |= keys_in_function(onyx, callee_module, callee, callee_param, chain, depth + 1, seen)
    return keys


def unconditional_subscripts(onyx: Onyx, chain) -> set[str]:
    """Keys load_credentials reads as `credentials[K]` outside any if / loop / conditional expression: a KeyError when
    absent, so the key is required (in every authentication mode)."""
    for module, _, cls in chain:
        for stmt in cls.body:
            if isinstance(stmt, ast.FunctionDef) and stmt.name == "load_credentials" and len(stmt.args.args) >= 2:
                param = stmt.args.args[1].arg
                keys = set()

                def visit(node):
                    if isinstance(node, (ast.If, ast.For, ast.While, ast.IfExp, ast.BoolOp, ast.FunctionDef, ast.Lambda,
                                         ast.ListComp, ast.DictComp, ast.GeneratorExp, ast.Match)):
                        return
                    if (isinstance(node, ast.Subscript) and isinstance(node.value, ast.Name) and node.value.id == param
                            and isinstance(node.ctx, ast.Load)):
                        key = node.slice.value if isinstance(node.slice, ast.Constant) else (
                            string_constant(onyx, module, node.slice.id) if isinstance(node.slice, ast.Name) else None)
                        if isinstance(key, str):
                            keys.add(key)
                    for child in ast.iter_child_nodes(node):
                        visit(child)

                for child in stmt.body:
                    visit(child)
                return keys
    return set()


def credential_keys_read(onyx: Onyx, chain) -> tuple[set[str], bool]:
    """Keys load_credentials reads from its credentials dict (directly or through helpers it passes the dict to)."""
    for module, _, cls in chain:
        for stmt in cls.body:
            if isinstance(stmt, ast.FunctionDef) and stmt.name == "load_credentials":
                if len(stmt.args.args) < 2:
                    return set(), True
                return keys_in_function(onyx, module, stmt, stmt.args.args[1].arg, chain, 0, set()), True
    return set(), False


# ---------------------------------------------------------------------------------------------------------------------
# The check


def check_source(onyx: Onyx, source: str, module: str, class_name: str, schema: dict, perm_sync: set[str], shared: bool = False):
    errors, notes = [], []
    left_out = []
    if schema.get("x-onyx-source") != source:
        errors.append(f"x-onyx-source is {schema.get('x-onyx-source')!r}, expected {source!r}")
    if schema.get("x-onyx-class") != class_name:
        errors.append(f"x-onyx-class is {schema.get('x-onyx-class')!r}, expected {class_name!r}")

    chain = mro(onyx, module, class_name)
    if not chain:
        return [f"class {class_name} not found in {module}"], notes, left_out
    init = find_init(chain)
    if init is None:
        return [f"no __init__ found for {class_name} or its bases"], notes, left_out
    init_module, init_tree, init_class, fn = init
    if init_class.name != class_name:
        notes.append(f"__init__ inherited from {init_class.name} ({init_module})")
    params, has_kwargs = parameters(fn)
    by_name = {p.name: p for p in params}
    props = schema.get("properties", {})
    required = set(schema.get("required", []))

    for name in props:
        if name not in by_name:
            errors.append(f"property '{name}' is not an __init__ parameter")
    for name in required:
        if name not in props:
            errors.append(f"required '{name}' is not a property")

    for p in params:
        if p.name not in props:
            if not p.has_default:
                errors.append(f"parameter '{p.name}' has no default but the schema leaves it out")
            left_out.append(p.name)
            continue
        prop = props[p.name]
        if p.has_default and p.name in required:
            errors.append(f"'{p.name}' has a default ({ast.unparse(p.default)}) but is required")
        if not p.has_default and p.name not in required:
            errors.append(f"'{p.name}' has no default but is not required")
        value = literal(p.default, onyx, init_module) if p.has_default else NOT_LITERAL
        if value is not NOT_LITERAL:
            if "default" not in prop:
                errors.append(f"'{p.name}' has literal default {value!r}; the schema gives none")
            elif prop["default"] != value or type(prop["default"]) is not type(value):
                errors.append(f"'{p.name}' default is {prop['default']!r} in the schema, {value!r} in Python")
        elif "default" in prop:
            shown = ast.unparse(p.default) if p.default is not None else "no default"
            errors.append(f"'{p.name}' has schema default {prop['default']!r} but the Python default is not a literal ({shown})")
        expected, extra = json_types(onyx, init_module, init_tree, p.annotation)
        if expected is None:
            notes.append(f"'{p.name}': type not checked ({extra})")
        else:
            actual = schema_types(prop)
            if expected != actual:
                errors.append(f"'{p.name}' type is {sorted(actual)} in the schema, {sorted(expected)} from `{ast.unparse(p.annotation)}`")
            item = list_item_annotation(p.annotation)
            if item is not None and "array" in actual:
                item_expected, _ = json_types(onyx, init_module, init_tree, item)
                item_actual = schema_types(prop.get("items", {}))
                if item_expected is not None and item_expected != item_actual:
                    errors.append(f"'{p.name}' items type is {sorted(item_actual)} in the schema, {sorted(item_expected)} from `{ast.unparse(item)}`")
            if extra is not None:
                values = [v for v in prop.get("enum", []) if v is not None]
                if sorted(map(str, values)) != sorted(map(str, extra)):
                    errors.append(f"'{p.name}' enum is {values} in the schema, {extra} in Python")

    has_additional = "additionalProperties" in schema
    if source in EXTRA_KEYS_IGNORED:
        if has_additional:
            errors.append("additionalProperties must be absent (the server ignores extra keys for this source)")
    elif source in EXTRA_KEYS_REJECTED_BY_CLASS:
        if schema.get("additionalProperties") is not False:
            errors.append("additionalProperties must be false (__init__ rejects every extra keyword itself)")
    elif has_kwargs and has_additional:
        errors.append("__init__ takes **kwargs but additionalProperties is set")
    elif not has_kwargs and schema.get("additionalProperties") is not False:
        errors.append("__init__ takes no **kwargs but additionalProperties is not false")

    accepted = input_types(chain)
    listed = schema.get("x-onyx-input-types", [])
    if set(listed) != accepted - {"event"} or len(listed) != len(set(listed)):
        errors.append(f"x-onyx-input-types is {listed}, the class accepts {sorted(accepted)}")
    elif listed:
        first = "load_state" if source in UI_LOAD_STATE_SOURCES else "poll"
        if first in accepted and listed[0] != first:
            errors.append(f"x-onyx-input-types starts with {listed[0]}, the admin UI sends {first}")

    if bool(schema.get("x-onyx-perm-sync")) != (source in perm_sync):
        errors.append(f"x-onyx-perm-sync is {schema.get('x-onyx-perm-sync')}, sync_params.py says {source in perm_sync}")
    if "x-onyx-perm-sync" in schema and schema["x-onyx-perm-sync"] is not True:
        errors.append("x-onyx-perm-sync must be true or absent")

    credential = schema.get("x-onyx-credential")
    if not isinstance(credential, dict):
        errors.append("x-onyx-credential is missing")
    else:
        cred_props = credential.get("properties", {})
        for key in credential.get("required", []):
            if key not in cred_props:
                errors.append(f"credential required '{key}' is not a credential property")
        for branch in credential.get("oneOf", []):
            for key in branch.get("required", []):
                if key not in cred_props:
                    errors.append(f"credential mode '{branch.get('title')}' needs '{key}', not a credential property")
        read, found = credential_keys_read(onyx, chain)
        unlisted = sorted(read - set(cred_props))
        if shared and unlisted:
            # One class for several sources (blob storage): load_credentials branches on a config value, so the keys
            # of the other sources' branches are expected here; each branch is reviewed by hand.
            notes.append(f"class shared with other sources; keys read in other branches: {', '.join(unlisted)}")
        else:
            for key in unlisted:
                errors.append(f"load_credentials reads '{key}' but x-onyx-credential does not list it")
        if not shared:
            for key in sorted(unconditional_subscripts(onyx, chain) - set(credential.get("required", []))):
                errors.append(f"load_credentials reads credentials['{key}'] unconditionally but the credential does not require it")
        indirect = sorted(set(cred_props) - read)
        if indirect:
            notes.append(f"credential keys not seen in load_credentials or its helpers (credentials provider / indirect): {', '.join(indirect)}")
        if not found:
            notes.append("no load_credentials found in the class chain")
    return errors, notes, left_out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("onyx", help="path of the onyx-dot-app/onyx git repository (a work tree or a bare mirror)")
    parser.add_argument("commit", help="the commit the catalog was read from")
    here = os.path.dirname(os.path.abspath(__file__))
    parser.add_argument("--schemas", default=os.path.join(here, "..", "schemas", "connectors"))
    parser.add_argument("--verbose", action="store_true", help="also print the notes for sources that pass")
    args = parser.parse_args()

    onyx = Onyx(resolve_git_dir(args.onyx), args.commit)
    if onyx.show(REGISTRY) is None:
        print(f"cannot read {REGISTRY} at {args.commit} from {args.onyx}", file=sys.stderr)
        return 2
    values = document_source_values(onyx)
    classes = registry(onyx, values)
    classes.pop("mock_connector", None)
    perm_sync = perm_sync_sources(onyx, values)

    files = {f[: -len(".schema.json")] for f in os.listdir(args.schemas) if f.endswith(".schema.json")}
    failures = 0
    print(f"Onyx commit {args.commit}: {len(classes)} connector sources, {len(files)} schema files")
    for source in sorted(files - set(classes)):
        print(f"FAIL {source}: schema file for a source with no connector class")
        failures += 1
    for source in sorted(classes):
        module, class_name = classes[source]
        if source not in files:
            print(f"FAIL {source}: no schema file")
            failures += 1
            continue
        with open(os.path.join(args.schemas, source + ".schema.json"), encoding="utf-8") as f:
            schema = json.load(f)
        shared = sum(1 for other in classes.values() if other == (module, class_name)) > 1
        errors, notes, left_out = check_source(onyx, source, module, class_name, schema, perm_sync, shared)
        status = "FAIL" if errors else "ok  "
        print(f"{status} {source} ({class_name})  left out: {', '.join(left_out) if left_out else '-'}")
        for e in errors:
            print(f"       x {e}")
        if errors or args.verbose:
            for n in notes:
                print(f"       . {n}")
        failures += bool(errors)
    print(f"{len(classes) - failures if failures <= len(classes) else 0} of {len(classes)} sources agree; {failures} mismatch(es)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
