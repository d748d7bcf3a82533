"""The Compare panel: choose what varies (seeds, learning rates, the hidden neurons'
activation, or the drawings a lesson declares), press Train: the variants train together in
the comparison thread and show as small multiples (each one's decision surface or fit, its
label and accuracy; stuck ones framed orange, diverged ones red) beside all their loss
curves on one chart. Clicking a variant opens it as the current network."""
from __future__ import annotations

import math

import pyqtgraph as pg
from PySide6.QtCore import QEvent, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import (QCheckBox, QComboBox, QHBoxLayout, QLabel, QLineEdit, QMessageBox,
                               QPushButton, QScrollArea, QSizePolicy, QSpinBox, QSplitter, QToolTip,
                               QVBoxLayout, QWidget)

from ...document import compare as doc_compare
from ...document import lessons, training_problems
from ...render import encoding, engine_text
from ...render.compare_view import (CompareLossPlot, grid_shape, paint_tile, tile_layout, tooltip,
                                    variant_colors, variant_label)
from .charts import ElidedLabel

MIN_TILE = 72          # pixels: below this a small multiple says nothing; the grid scrolls
TILE_TEXT_PT = 8.5


class VariantTile(QWidget):
    """One small multiple; a click (or Enter) asks to open its variant."""

    clicked = Signal(int)

    def __init__(self, index: int, parent=None):
        super().__init__(parent)
        self.index = index
        self.view = None
        self.label = ""
        self.color = None
        self.theme = encoding.theme("light")
        self.selected = False
        self.cache: dict = {}                 # its surface and points as images, between paints
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    def set_view(self, view, label: str, color, theme: encoding.Theme, selected: bool) -> None:
        self.view, self.label, self.color, self.theme, self.selected = view, label, color, theme, selected
        if self.accessibleName() != label:
            self.setAccessibleName(label)
        self.update()

    def event(self, event) -> bool:      # noqa: N802 (Qt's name)
        # the tooltip is made when asked for, not with every snapshot
        if event.type() == QEvent.Type.ToolTip and self.view is not None:
            QToolTip.showText(event.globalPos(), tooltip(self.view, self.label), self)
            return True
        return super().event(event)

    def plot_rect(self) -> QRectF:
        """Where the surface or fit is drawn (widget coordinates)."""
        return tile_layout(self._inner(), TILE_TEXT_PT)[1]

    def _inner(self) -> QRectF:
        return QRectF(self.rect()).adjusted(3, 3, -3, -3)

    def paintEvent(self, event) -> None:      # noqa: N802 (Qt's name)
        if self.view is None:
            return
        painter = QPainter(self)
        paint_tile(painter, self._inner(), self.view, self.label, self.color, self.theme,
                   TILE_TEXT_PT, self.selected or self.hasFocus(), self.cache)
        painter.end()

    def mouseReleaseEvent(self, event) -> None:      # noqa: N802
        if event.button() == Qt.MouseButton.LeftButton and self.rect().contains(event.position().toPoint()):
            self.clicked.emit(self.index)
            event.accept()
            return
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event) -> None:      # noqa: N802
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.clicked.emit(self.index)
            return
        super().keyPressEvent(event)

    def focusInEvent(self, event) -> None:      # noqa: N802
        super().focusInEvent(event)
        self.update()

    def focusOutEvent(self, event) -> None:      # noqa: N802
        super().focusOutEvent(event)
        self.update()


class TileGrid(QWidget):
    """The small multiples in a grid that gives them the largest squares the space allows."""

    clicked = Signal(int)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.tiles: list[VariantTile] = []
        self._extra = 0.0

    def set_views(self, views, labels, colors, theme, selected: int | None) -> None:
        while len(self.tiles) < len(views):
            tile = VariantTile(len(self.tiles), self)
            tile.clicked.connect(self.clicked)
            tile.show()
            self.tiles.append(tile)
        while len(self.tiles) > len(views):
            self.tiles.pop().deleteLater()
        for tile, view, label, color in zip(self.tiles, views, labels, colors):
            tile.set_view(view, label, color, theme, view.index == selected)
        self._extra = 2 * (tile_layout(QRectF(0, 0, 100, 100), TILE_TEXT_PT)[0].height()) + 12
        self._layout()

    def resizeEvent(self, event) -> None:      # noqa: N802
        super().resizeEvent(event)
        self._layout()

    def _layout(self) -> None:
        n = len(self.tiles)
        if not n:
            return
        w, h = max(1, self.width()), max(1, self.height())
        cols, rows = grid_shape(n, w, h, self._extra)
        side = min(w / cols, h / rows - self._extra)
        if side < MIN_TILE:                       # too many to fit: fixed size, the grid scrolls
            side = MIN_TILE
            cols = max(1, int(w // MIN_TILE))
            rows = math.ceil(n / cols)
        tw, th = w / cols, side + self._extra
        self.setMinimumHeight(int(rows * th) if side == MIN_TILE else 0)
        for k, tile in enumerate(self.tiles):
            r, c = divmod(k, cols)
            x = c * tw + (tw - side) / 2
            tile.setGeometry(int(x), int(r * th), int(side), int(th))

    def sizeHint(self) -> QSize:      # noqa: N802
        return QSize(480, 240)


class ComparePanel(QWidget):
    openRequested = Signal(object)          # the VariantView to open as the current network

    def __init__(self, model, theme: str = "light", language: str = "en", parent=None):
        super().__init__(parent)
        self.model = model
        self.language = language
        self.theme = encoding.theme(theme)
        self.controller = None                # the comparison thread, made on first use
        self.snapshot = None
        self.selected: int | None = None
        self.started_with = None              # what the running comparison was asked for
        self.opening = False                  # a variant is being opened: keep the results
        self.vary = QComboBox()
        self.vary.setObjectName("compare-vary")
        self.values = QLineEdit()
        self.values.setObjectName("compare-values")
        self.epochs = QSpinBox()
        self.epochs.setRange(1, 100000)
        self.epochs.setSuffix(" " + self.tr("epochs"))
        self.train_button = QPushButton(self.tr("Train"))
        self.train_button.setObjectName("compare-train")
        self.train_button.setToolTip(self.tr("Train every variant side by side (again: pause)"))
        self.restart_button = QPushButton(self.tr("Restart"))
        self.restart_button.setToolTip(self.tr("Train the variants again from their start"))
        self.log = QCheckBox(self.tr("log scale"))
        self.summary = ElidedLabel()
        self.summary.setText(self.hint())
        self.grid = TileGrid()
        self.grid.clicked.connect(self._tile_clicked)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(self.grid)
        self.plot = CompareLossPlot(self.theme)
        self.chart = pg.PlotWidget(plotItem=self.plot, background=self.theme.plot_background)
        self.chart.setMinimumSize(200, 90)
        self.plot.hideButtons()
        self.plot.setMenuEnabled(False)
        self.plot.vb.setMouseEnabled(False, False)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(scroll)
        self.splitter.addWidget(self.chart)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Vary")))
        row.addWidget(self.vary)
        row.addWidget(self.values, 1)
        row.addWidget(self.epochs)
        row.addWidget(self.train_button)
        row.addWidget(self.restart_button)
        row.addWidget(self.log)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(3)
        layout.addLayout(row)
        layout.addWidget(self.summary)
        layout.addWidget(self.splitter, 1)
        self.summary.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.vary.currentIndexChanged.connect(self._kind_changed)
        self.train_button.clicked.connect(self.toggle)
        self.restart_button.clicked.connect(self.restart)
        self.log.toggled.connect(self._log)
        model.replaced.connect(self._replaced)
        self.refresh_choices()
        self._update_buttons()

    def hint(self) -> str:
        return self.tr("Choose what varies and press Train; then click a variant to open it as the current network.")

    # choices ------------------------------------------------------------------------------------
    def kind_names(self) -> dict[str, str]:
        return {"seeds": self.tr("Seeds"), "learning_rates": self.tr("Learning rates"),
                "activations": self.tr("Hidden activations"), "variants": self.tr("The lesson's drawings")}

    def refresh_choices(self) -> None:
        """What the open document declares (its ``compare`` block), else seeds 0–15."""
        declared = doc_compare.declared(self.model.doc)
        self.declared = declared
        self.vary.blockSignals(True)
        self.vary.clear()
        for kind, name in self.kind_names().items():
            if kind != "variants" or (declared is not None and declared.kind == "variants"):
                self.vary.addItem(name, kind)
        kind = declared.kind if declared is not None else "seeds"
        self.vary.setCurrentIndex(max(0, self.vary.findData(kind)))
        self.vary.blockSignals(False)
        self._kind_changed()
        lesson_epochs = (self.model.doc.get("lesson") or {}).get("epochs", 100)
        self.epochs.setValue(int(declared.epochs if declared is not None and declared.epochs else lesson_epochs))

    def _kind_changed(self, *args) -> None:
        kind = self.vary.currentData()
        declared = self.declared
        drawings = kind == "variants"
        self.values.setEnabled(not drawings)
        if drawings:
            names = [variant_label(v, self.language)
                     for v in doc_compare.lesson_variants(self.model.doc, declared.values)]
            self.values.setText(", ".join(names))
        elif declared is not None and declared.kind == kind:
            self.values.setText(declared.text())
        else:
            self.values.setText(doc_compare.DEFAULTS.get(kind, ""))
        self.values.setPlaceholderText({"seeds": "0-15", "learning_rates": "0.01, 0.1, 1",
                                        "activations": "step, sigmoid"}.get(kind, ""))

    def request(self) -> tuple:
        return (self.vary.currentData(), self.values.text(), self.epochs.value(), self.model.revision)

    def variants(self) -> list:
        """The variants asked for, made from the open document; ValueError says why not."""
        doc = self.model.snapshot_copy()
        if doc_compare.refusal(doc):
            raise ValueError(self.tr("Comparisons train feed-forward networks on points: this network is "
                                     "recurrent or its data are sequences."))
        problems = training_problems(doc)
        if problems:
            raise ValueError(self.tr("the network cannot train yet: %1").replace("%1", engine_text.problem(problems[0])))
        kind = self.vary.currentData()
        if kind == "variants":
            return doc_compare.variants(doc, kind, self.declared.values)
        try:
            values = doc_compare.parse(kind, self.values.text())
        except ValueError as exc:
            raise ValueError(f"{self.kind_names()[kind]}: {engine_text.list_error(str(exc))}") from None
        return doc_compare.variants(doc, kind, values)

    def base_dir(self):
        m = self.model
        if m.path is not None:
            return m.path.parent
        return lessons.LESSONS_DIR if m.lesson_id else None

    # training -----------------------------------------------------------------------------------
    def _controller(self):
        if self.controller is None:
            from ...runtime.compare import CompareController
            self.controller = CompareController(self)
            self.controller.snapshot.connect(self.set_snapshot)
            self.controller.status.connect(self._status)
            self.controller.runningChanged.connect(lambda on: self._update_buttons())
        return self.controller

    @property
    def running(self) -> bool:
        return self.controller is not None and self.controller.running

    def toggle(self) -> None:
        """Train: pause a running comparison, go on with a paused one, or start one."""
        if self.running:
            self.controller.pause()
        elif (self.controller is not None and self.snapshot is not None and self.started_with == self.request()
              and not self.snapshot.finished):
            self.controller.resume()
        else:
            self.restart()

    def restart(self) -> None:
        """Train the variants asked for from their start."""
        try:
            variants = self.variants()
        except ValueError as exc:
            self._error(str(exc))
            return
        self.started_with = self.request()
        self.selected = None
        self._controller().start(variants, self.base_dir(), self.epochs.value())

    def _status(self, kind: str, message: str) -> None:
        if kind == "error":
            self._error(engine_text.problem(message))
        self._update_buttons()

    def _error(self, message: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Cannot compare"), message,
                          QMessageBox.StandardButton.Ok, self)
        box.setObjectName("compare-error")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    def _update_buttons(self) -> None:
        self.train_button.setText(self.tr("Pause") if self.running else self.tr("Train"))
        self.restart_button.setEnabled(self.snapshot is not None)

    def pause(self) -> None:
        if self.running:
            self.controller.pause()

    def clear(self) -> None:
        """Forget the comparison (a new document was opened)."""
        if self.controller is not None:
            self.controller.clear()
        self.snapshot = None
        self.started_with = None
        self.selected = None
        self.grid.set_views([], [], [], self.theme, None)
        self.plot.set_comparison(_Empty(), [])
        self.summary.setText(self.hint())
        self._update_buttons()

    def _replaced(self) -> None:
        if self.opening:
            return
        self.refresh_choices()
        self.clear()

    def shutdown(self) -> None:
        if self.controller is not None:
            self.controller.shutdown()

    # drawing ------------------------------------------------------------------------------------
    def labels(self, snap) -> list[str]:
        return [variant_label(v.variant, self.language) for v in snap.variants]

    def set_snapshot(self, snap) -> None:
        if self.controller is not None:
            self.controller.gui_busy()
        self.snapshot = snap
        colors = variant_colors(len(snap.variants))
        self.grid.set_views(snap.variants, self.labels(snap), colors, self.theme, self.selected)
        self.plot.highlight = self.selected
        self.plot.set_comparison(snap, colors, snap.target_epochs)
        self.summary.setText(self._summary(snap))
        self._update_buttons()

    def _summary(self, snap) -> str:
        counts = {s: sum(v.status == s for v in snap.variants) for s in ("stuck", "behind", "diverged")}
        parts = [self.tr("%1 variants").replace("%1", str(len(snap.variants))),
                 self.tr("epoch %1 of %2").replace("%1", str(snap.epoch)).replace("%2", str(snap.target_epochs))]
        if counts["stuck"]:
            parts.append(self.tr("%1 stuck (orange, dashed)").replace("%1", str(counts["stuck"])))
        if counts["behind"]:
            parts.append(self.tr("%1 behind (orange)").replace("%1", str(counts["behind"])))
        if counts["diverged"]:
            parts.append(self.tr("%1 diverged (red)").replace("%1", str(counts["diverged"])))
        if snap.finished:
            parts.append(self.tr("done in %1 s").replace("%1", f"{snap.seconds:.1f}"))
            parts.append(self.tr("click a variant to open it"))
        return "  ·  ".join(parts)

    def _log(self, on: bool) -> None:
        self.plot.set_log(on)
        if self.snapshot is not None:
            self.plot.set_comparison(self.snapshot, variant_colors(len(self.snapshot.variants)),
                                     self.snapshot.target_epochs)

    def _tile_clicked(self, index: int) -> None:
        if self.snapshot is None:
            return
        self.selected = index
        self.set_snapshot(self.snapshot)
        self.openRequested.emit(self.snapshot.variants[index])

    def set_theme(self, name: str) -> None:
        self.theme = encoding.theme(name)
        self.chart.setBackground(self.theme.plot_background)
        self.plot.apply_theme(self.theme)
        if self.snapshot is not None:
            self.set_snapshot(self.snapshot)


class _Empty:
    """No comparison: an empty chart."""

    variants = ()
