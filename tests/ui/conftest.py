import gc

import pytest

from simulator.document import new_document


@pytest.fixture
def empty(window):
    """A window on an empty document, the view at scale 1 centred on the origin."""
    window.model.replace(new_document())
    view = window.view
    view.resetTransform()
    view.centerOn(0, 0)
    return window
