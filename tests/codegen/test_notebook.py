"""The notebook: nbformat 4.5 written with json, markdown in the interface's language,
code cells that run top to bottom (NNSIM_EPOCHS=2 keeps the training cell short)."""
import json
import re

import pytest

from simulator import codegen
from simulator.codegen.notebook import code_cells
from simulator.document import lessons


@pytest.fixture(scope="module")
def circles_spec():
    return codegen.build(lessons.load_lesson("circles"), lessons.LESSONS_DIR, epochs=3)


def test_notebook_cells_run_top_to_bottom(circles_spec, framework, monkeypatch, capsys):
    monkeypatch.setenv("NNSIM_EPOCHS", "2")
    text = codegen.generate(circles_spec, framework, notebook_format=True)
    namespace = {}
    for source in code_cells(text):
        exec(compile(source, "<cell>", "exec"), namespace)
    assert namespace["EPOCHS"] == 2
    assert [r["epoch"] for r in namespace["history"]] == [1, 2]
    printed = capsys.readouterr().out
    assert "epoch    2" in printed and "→ outputs" in printed
    assert "__name__" not in "".join(code_cells(text))        # no script-only part


def test_notebook_is_nbformat_4_with_explanations(circles_spec):
    doc = json.loads(codegen.generate(circles_spec, "numpy", notebook_format=True))
    assert (doc["nbformat"], doc["nbformat_minor"]) == (4, 5)
    assert doc["metadata"]["kernelspec"]["language"] == "python"
    cells = doc["cells"]
    ids = [c["id"] for c in cells]
    assert len(set(ids)) == len(ids)
    for c in cells:
        assert set(c) >= {"cell_type", "id", "metadata", "source"}
        assert all(isinstance(line, str) for line in c["source"])
        if c["cell_type"] == "code":
            assert c["outputs"] == [] and c["execution_count"] is None
    kinds = [c["cell_type"] for c in cells]
    assert kinds[0] == "markdown" and kinds.count("markdown") >= 8
    markdown = "".join("".join(c["source"]) for c in cells if c["cell_type"] == "markdown")
    assert markdown.startswith(f"# {circles_spec.title}\n")
    assert "## The network" in markdown and "backpropagation" in markdown
    assert "NNSIM_EPOCHS" in markdown


def test_notebook_speaks_portuguese_when_asked(circles_spec):
    pt = codegen.generate(circles_spec, "pytorch", notebook_format=True, language="pt_BR")
    markdown = "".join("".join(c["source"]) for c in json.loads(pt)["cells"]
                       if c["cell_type"] == "markdown")
    for words in ("## A rede", "## Treinamento", "época", "semente", "taxa de aprendizado",
                  "o conjunto de dados \"circles\""):
        assert words in markdown
    assert "## The network" not in markdown
    # the code is the same in both languages
    en = codegen.generate(circles_spec, "pytorch", notebook_format=True, language="en")
    assert code_cells(pt) == code_cells(en)


def test_recurrent_notebook_runs_and_explains_time(framework, monkeypatch, capsys):
    """The echo lesson as a notebook: its cells run (NNSIM_EPOCHS=1), the last one shows
    the first test sequence step by step, the markdown speaks of steps and delays."""
    monkeypatch.setenv("NNSIM_EPOCHS", "1")
    spec = codegen.build(lessons.load_lesson("echo"), lessons.LESSONS_DIR, epochs=1)
    text = codegen.generate(spec, framework, notebook_format=True, language="pt_BR")
    namespace = {}
    for source in code_cells(text):
        exec(compile(source, "<cell>", "exec"), namespace)
    assert [r["epoch"] for r in namespace["history"]] == [1]
    printed = capsys.readouterr().out
    assert "step 19" in printed and "→ outputs" in printed
    # what train --json adds for sequences: the share entirely right, the accuracy per step
    share = namespace["sequence_accuracies"](namespace["model"], namespace["data"])["sequence_accuracy"]
    assert f"test sequences entirely right: {share:.1%}\n" in printed
    per_step = re.search(r"accuracy at each step: (.*)", printed).group(1).split()
    assert len(per_step) == 20 and per_step[:2] == ["—", "—"] and per_step[2].endswith("%")
    markdown = "".join("".join(c["source"]) for c in json.loads(text)["cells"] if c["cell_type"] == "markdown")
    assert "## As sequências" in markdown and "com atraso" in markdown and "200 sequências de 20 passos" in markdown
    assert "## Sequências inteiras e cada passo" in markdown
