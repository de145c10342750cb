"""Dumps a PDF's structure tree and each page's marked content as JSON, for the test suite.

Usage: structure.py FILE.pdf
{"tree": {"type": "Document", "kids": [...], "mcids": 0, "links": []}, "pages": [{"artifacts": {"Header": 1, ...}, "tagged": 12}]}
Each element: type, and when present lang, alt, scope, mcids (marked-content references it holds),
links (the /Contents of the link annotations it holds), kids (child elements).
"""
import json
import sys

import pikepdf


def element(e):
    out = {"type": str(e.get("/S"))[1:]}
    if "/Lang" in e:
        out["lang"] = str(e.Lang)
    if "/Alt" in e:
        out["alt"] = str(e.Alt)
    attributes = e.get("/A")
    if isinstance(attributes, pikepdf.Dictionary) and "/Scope" in attributes:
        out["scope"] = str(attributes.Scope)[1:]
    kids = e.get("/K")
    if kids is None:
        kids = []
    elif not isinstance(kids, pikepdf.Array):
        kids = [kids]
    mcids, links, children = 0, [], []
    for k in kids:
        if isinstance(k, int):
            mcids += 1
        elif isinstance(k, pikepdf.Dictionary):
            kind = k.get("/Type")
            if kind == pikepdf.Name.MCR:
                mcids += 1
            elif kind == pikepdf.Name.OBJR:
                links.append(str(k.Obj.get("/Contents", "")))
            else:
                children.append(element(k))
    out["mcids"] = mcids
    out["links"] = links
    out["kids"] = children
    return out


def page_marks(page):
    artifacts, tagged = {}, 0
    for operands, operator in pikepdf.parse_content_stream(page):
        op = str(operator)
        if op == "BDC" and str(operands[0]) == "/Artifact":
            props = operands[1]
            kind = str(props.get("/Subtype", props.get("/Type", "/Artifact")))[1:]
            artifacts[kind] = artifacts.get(kind, 0) + 1
        elif op == "BMC" and str(operands[0]) == "/Artifact":
            artifacts["Artifact"] = artifacts.get("Artifact", 0) + 1
        elif op == "BDC" and isinstance(operands[1], pikepdf.Dictionary) and "/MCID" in operands[1]:
            tagged += 1
    return {"artifacts": artifacts, "tagged": tagged}


def main():
    pdf = pikepdf.open(sys.argv[1])
    root = pdf.Root.get("/StructTreeRoot")
    tree = None
    if root is not None:
        kids = root.K
        tree = element(kids[0] if isinstance(kids, pikepdf.Array) else kids)
    json.dump({"tree": tree, "pages": [page_marks(p) for p in pdf.pages]}, sys.stdout)


main()
