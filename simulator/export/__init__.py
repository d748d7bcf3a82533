"""Figures (SVG, PDF, PNG) and animations (GIF, MP4) of every view, for the GUI and headless.

    state = ExportState(doc, snapshot, data)            # or state.trained_state(doc, base, epochs)
    export_figure(state, "net.svg", FigureOptions(view="network"))

Views: network, surface, activations, loss, gradients, slide, compare. The drawing is the app's own
(simulator.render); this package lays it out on a page of a physical size and writes it.
"""
from .animation import Animation, Frame, StepAnimation, TrainingAnimation, mp4_available
from .files import (animation_options, check_view, export_animation, export_comparison, export_document,
                    export_figure, make_animation)
from .figures import build_figure
from .options import (ANIMATION_FORMATS, ANIMATIONS, DEFAULT_DPI, DEFAULT_SIZE, FORMATS, STATIC_FORMATS,
                      THEMES, VIEWS, ExportError, FigureOptions, check_writable, format_of)
from .state import ActivationChoice, ExportState, activation_choice, document_with_weights, trained_state
from .writers import render_image, svg_bytes

__all__ = ["ANIMATIONS", "ANIMATION_FORMATS", "DEFAULT_DPI", "DEFAULT_SIZE", "FORMATS", "STATIC_FORMATS",
           "THEMES", "VIEWS", "ActivationChoice", "Animation", "ExportError", "ExportState",
           "FigureOptions", "Frame", "StepAnimation", "TrainingAnimation", "activation_choice",
           "animation_options", "build_figure", "check_view", "check_writable", "document_with_weights",
           "export_animation", "export_comparison",
           "export_document", "export_figure", "format_of", "make_animation", "mp4_available",
           "render_image", "svg_bytes", "trained_state"]
