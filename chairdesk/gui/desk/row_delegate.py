"""How the draft view draws and sizes a row: its number in a gutter, its rich text laid out once and drawn
into a picture kept by its html, width and text size; and the in-place editor of a paragraph.

Each row's text is laid out once (a QTextDocument kept by its html and width) and reused until that row
changes, so committing one paragraph lays out one row. A row never drawn and not near the current one is
sized from its words (an estimate), so laying out a long draft computes no word diff for it.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Container
from typing import Protocol

from ..qt import (
    QAbstractItemModel,
    QAbstractItemView,
    QColor,
    QEvent,
    QFont,
    QFontMetrics,
    QHelpEvent,
    QModelIndex,
    QPainter,
    QPalette,
    QPixmap,
    QPlainTextEdit,
    QRect,
    QSize,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    Qt,
    QTextDocument,
    QToolTip,
    QWidget,
    Signal,
)
from .draft_model import HTML_ROLE, NUMBER_ROLE, PROPOSALS_TIP_ROLE, ROW_ROLE, SIZE_ROLE, DraftModel
from .draft_rows import Row
from .editor_pane import CommitText
from .near_rows import NEAR_ROWS, NearRows


class RowsView(Protocol):
    """What RowDelegate needs of the view it draws for (DraftView)."""

    near: NearRows  # which rows are measured exactly

    def font(self) -> QFont: ...  # noqa: D102

    def model(self) -> QAbstractItemModel | None: ...  # noqa: D102

    def viewport(self) -> QWidget: ...  # noqa: D102

    def devicePixelRatioF(self) -> float: ...  # noqa: D102, N802

    def current_row(self) -> int: ...  # noqa: D102


PICTURE_BYTES = 32 * 1024 * 1024  # rows' drawn text kept: a few screens at 4 bytes a pixel, oldest dropped first
CACHE_SIZE = 6000  # laid-out rows kept at least; more on a longer document (see RowDelegate.document)


class RowDelegate(QStyledItemDelegate):
    """Paints a row: the number in a gutter, the rich text beside it; edits a paragraph in place."""

    edit_committed = Signal(str, str)  # paragraph id, new text (Ctrl+Enter in the in-place editor)
    edit_left = Signal(str, str)  # paragraph id, words: the in-place editor was left without a commit
    edit_cancelled = Signal(str)  # paragraph id: Esc in the in-place editor (its words are discarded)
    editor_cursor_moved = Signal()  # the in-place editor's text cursor moved (typing, its keys): the view follows

    def __init__(self, view: RowsView) -> None:
        super().__init__(view)
        self.view = view
        self.font = QFont(view.font())
        self._docs: OrderedDict[tuple[str, int, int], QTextDocument] = OrderedDict()
        self._pictures: OrderedDict[tuple, QPixmap] = OrderedDict()
        self._picture_bytes = 0  # what the kept pictures take (bounded by PICTURE_BYTES)
        self.drawn = 0  # rows' texts drawn into pictures since the start (tests read it)
        self.layouts = 0  # rows laid out since the start (the benchmark and tests read it)
        self.fonts = 0  # text sizes set since the start: a row's remembered size holds for one
        self._text_width: int | None = None  # see text_width
        self._key: tuple[int, int] | None = None  # see size_key
        self.rows_model: DraftModel | None = None  # the view's model, when it is a DraftModel (set by the view)
        self._metrics: tuple[tuple[int, int], int, int] | None = None  # (width and size, letters a line, spacing)
        self.active_editor: InPlaceEditor | None = None
        self.words_for = lambda _pid: None  # the words not committed for a paragraph (set by the window)

    # -------------------------------------------------------------- sizes
    def gutter(self) -> int:
        """Width of the number gutter."""
        return int(self.font.pointSizeF() * 4.2)

    def text_width(self) -> int:
        """Width available to a row's text (kept until the rows' area is resized or the text size changes:
        asked for every row each time the view lays its rows out, 12,000 on a long draft)."""
        if self._text_width is None:
            self._text_width = max(200, self.view.viewport().width() - self.gutter() - 24)
        return self._text_width

    def width_changed(self) -> None:
        """The rows' area was resized: the width available to the text is read again when next asked for."""
        self._text_width = None
        self._key = None

    def set_font(self, font: QFont) -> None:
        """Use another text size (zoom); every row is laid out again as it is shown."""
        self.font = QFont(font)
        self.fonts += 1
        self._text_width = None
        self._key = None
        self._docs.clear()
        self._pictures.clear()
        self._picture_bytes = 0

    def document(self, html: str) -> QTextDocument:
        """The laid-out text of a row (cached by html, width and text size)."""
        width = self.text_width()
        key = (html, width, int(self.font.pointSizeF() * 10))
        doc = self._docs.get(key)
        if doc is not None:
            self._docs.move_to_end(key)
            return doc
        doc = QTextDocument()
        doc.setDefaultFont(self.font)
        doc.setDocumentMargin(4)
        doc.setHtml(html)
        doc.setTextWidth(width)
        self.layouts += 1
        self._docs[key] = doc
        model = self.view.model()
        rows = model.rowCount() if model is not None else 0
        # Every row and a quarter more (the texts of rows just changed): a cache smaller than the document
        # would lay every row out again on each relayout, since the rows are asked for in order.
        if len(self._docs) > max(CACHE_SIZE, rows + rows // 4):
            self._docs.popitem(last=False)
        return doc

    def picture(self, html: str) -> QPixmap:
        """A row's text drawn once (cached like its layout): repainting the rows on screen after a change
        copies the pictures of the rows that did not change instead of drawing their text again."""
        doc = self.document(html)
        ratio = self.view.devicePixelRatioF()
        key = (html, doc.textWidth(), int(self.font.pointSizeF() * 10), ratio)
        picture = self._pictures.get(key)
        if picture is not None:
            self._pictures.move_to_end(key)
            return picture
        size = doc.size()
        picture = QPixmap(max(1, int(size.width() * ratio)), max(1, int(size.height() * ratio)))
        picture.setDevicePixelRatio(ratio)
        picture.fill(Qt.GlobalColor.transparent)
        painter = QPainter(picture)
        doc.drawContents(painter)
        painter.end()
        self.drawn += 1
        self._pictures[key] = picture
        self._picture_bytes += picture.width() * picture.height() * 4
        while self._picture_bytes > PICTURE_BYTES and len(self._pictures) > 1:
            _, dropped = self._pictures.popitem(last=False)
            self._picture_bytes -= dropped.width() * dropped.height() * 4
        return picture

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:  # noqa: N802
        if self.rows_model is not None and index.model() is self.rows_model:
            return self.row_size(index.row())
        return self._measured(None, index.row(), None, index.data(SIZE_ROLE) or "")

    def size_key(self) -> tuple[int, int]:
        """The text's width and size now, kept until either changes (what a row's size was measured at)."""
        if self._key is None:
            self._key = (self.text_width(), self.fonts)
        return self._key

    def row_size(self, at: int) -> QSize:
        """The size of the view's row `at`: measured (laid out), or estimated from its words when it is not near
        the current row and was never measured at this width and text size, so that the rows nobody has
        scrolled to compute no word diff, and a zoom or a new width lays out no row far from the chair's (a row
        drawn before and far away is measured again when it comes on screen: `DraftView._measure_exactly`). The
        rows around the current one are measured, so that what the chair reads never jumps. A row measured at
        this width and text size answers in a few lookups."""
        model = self.rows_model
        assert model is not None
        return self._row_size(model, at, model.rows.rows[at], self.size_key(), self.view.current_row())

    def row_heights(self) -> list[int]:
        """Every row's height as `row_size` gives it, in one pass: the view lays every row out at a new width or
        text size (12,000 rows at 10,000 paragraphs). The rows estimated (most of them) are reckoned in whole
        numbers here, with no QSize made and none asked of it, from the shape each row keeps: 0.7 us a row at a
        zoom or a new width, 2 us at the desk's first layout, where asking `row_size` cost 4.3."""
        model = self.rows_model
        assert model is not None
        key, current = self.size_key(), self.view.current_row()
        pending, exact, guessed = model.pending, self.view.near.exact, self._guessed_height
        heights: list[int] = []
        add = heights.append
        for at, row in enumerate(model.rows.rows):
            how = _sized_how(row, at, key, current, pending, exact)
            if how is KEPT:
                add(row.size[2].height())  # type: ignore[index]
            elif how is ESTIMATED:
                guess = row.guess
                row.estimate = guess[1] if guess is not None and guess[0] == key else guessed(model, row, key)
                add(row.estimate)
            else:
                add(self._measured(model, at, row, key=key).height())
        return heights

    def _row_size(self, model: DraftModel, at: int, row: Row, key: tuple[int, int], current: int) -> QSize:
        how = _sized_how(row, at, key, current, model.pending, self.view.near.exact)
        if how is KEPT:
            return row.size[2]  # type: ignore[index]
        if how is ESTIMATED:
            estimate = self._estimate(model, row, key)  # (its guess, when made at this width and size)
            row.estimate = estimate.height()
            return estimate
        return self._measured(model, at, row, key=key)

    def _measured(
        self, model: DraftModel | None, at: int, row: Row | None, html: str = "", key: tuple[int, int] | None = None
    ) -> QSize:
        """A row's exact size (laid out; remembered by the row while its text, width and size hold; key: the
        text's width and size now, when the caller has them)."""
        if model is not None:
            html = model.size_html(at)
        key = key or (self.text_width(), self.fonts)
        if row is not None and row.size is not None and row.size[1] == key and row.size[0] == html:
            return row.size[2]
        doc = self.document(html)
        size = QSize(key[0] + self.gutter(), int(doc.size().height()) + 6)
        if row is not None:
            row.size = (html, key, size)
        return size

    def measure(self, at: int) -> tuple[int, bool]:
        """Measure a row of the view's model exactly: its height, and whether the view laid it out at another
        (its estimate)."""
        model = self.view.model()
        row = model.row_at(at) if isinstance(model, DraftModel) else None
        if row is None:
            return 0, False
        size = self._measured(model, at, row)
        return size.height(), row.estimate is not None and row.estimate != size.height()

    # ----------------------------------------------------------- painting
    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        if self.view.near.filling:
            self.view.near.painted()  # the first rows are drawn: the other near rows are measured from now on
        row = index.data(ROW_ROLE)
        painter.save()
        rect = option.rect
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        if selected:
            painter.fillRect(rect, QColor("#dbe8fb"))
            painter.fillRect(QRect(rect.left(), rect.top(), 5, rect.height()), QColor("#1c58b5"))
        number = index.data(NUMBER_ROLE) or ""
        if number:
            painter.setFont(self.font)
            quiet = row is not None and (row.kind == "ghost" or row.status == "struck")
            painter.setPen(QColor("#8a8a8a") if quiet else option.palette.color(QPalette.ColorRole.Text))
            gutter = QRect(rect.left() + 8, rect.top() + 4, self.gutter() - 16, rect.height())
            flags = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop
            painter.drawText(gutter, int(flags), number)
        html = index.data(HTML_ROLE) or ""
        painter.drawPixmap(rect.left() + self.gutter(), rect.top() + 2, self.picture(html))
        painter.restore()

    def _estimate(self, model: DraftModel, row: Row, key: tuple[int, int] | None = None) -> QSize:
        """A row's size from the length of its words (and its proposals'), before it is ever drawn (key: the
        text's width and size now, when the caller has them). Its height is kept with the row for that width
        and size: the first layout of a long draft asks it of every row (12,000 at 10,000 paragraphs)."""
        key = key or (self.text_width(), self.fonts)
        guess = row.guess
        height = guess[1] if guess is not None and guess[0] == key else self._guessed_height(model, row, key)
        return QSize(key[0] + self.gutter(), height)

    def _guessed_height(self, model: DraftModel, row: Row, key: tuple[int, int]) -> int:
        """A row's height reckoned from the length of its words at this width and size, kept with the row (the
        same row: a change makes its rows anew)."""
        metrics = self._metrics
        if metrics is None or metrics[0] != key:
            font = QFontMetrics(self.font)
            per_line = max(20, key[0] // max(1, font.averageCharWidth()))
            metrics = self._metrics = (key, per_line, font.lineSpacing())
        _, per_line, spacing = metrics
        shape = row.shape
        if shape is None:
            shape = row.shape = _shape(model, row)
        lines, lengths = shape
        for length in lengths:
            lines += -(-length // per_line)
        height = max(1, lines) * spacing + 14
        row.guess = (key, height)
        return height

    def helpEvent(
        self, event: QHelpEvent, view: QAbstractItemView, option: QStyleOptionViewItem, index: QModelIndex
    ) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.ToolTip and index.isValid():
            tip = index.data(Qt.ItemDataRole.ToolTipRole)
            if tip and event.pos().x() - option.rect.left() < self.gutter():
                QToolTip.showText(event.globalPos(), tip, view)
                return True
            full = index.data(PROPOSALS_TIP_ROLE)  # over the text: a proposal's full wording
            if full:
                QToolTip.showText(event.globalPos(), full, view)
                return True
            QToolTip.hideText()
            event.ignore()
            return True
        return super().helpEvent(event, view, option, index)

    # ------------------------------------------------------------ editing
    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: QModelIndex) -> QWidget:  # noqa: N802
        editor = InPlaceEditor(parent)
        editor.setFont(self.font)
        self.active_editor = editor
        editor.destroyed.connect(lambda _o=None: setattr(self, "active_editor", None))
        editor.commit_requested.connect(lambda: self._commit(editor))
        editor.revert_requested.connect(lambda: self._cancel(editor))
        editor.cursorPositionChanged.connect(self.editor_cursor_moved)
        return editor

    def setEditorData(self, editor: QWidget, index: QModelIndex) -> None:  # noqa: N802
        row = index.data(ROW_ROLE)
        model: DraftModel = index.model()  # type: ignore[assignment]
        para = model.session.draft.paragraphs[row.id]
        editor.paragraph_id = row.id  # type: ignore[attr-defined]
        words = self.words_for(row.id)
        editor.setPlainText(para.text if words is None else words)  # type: ignore[attr-defined]

    def setModelData(self, editor: QWidget, model, index: QModelIndex) -> None:  # noqa: ANN001, N802
        """Leaving the editor without Ctrl+Enter records nothing: its words are kept as not committed."""
        self.edit_left.emit(editor.paragraph_id, editor.toPlainText())  # type: ignore[attr-defined]

    def updateEditorGeometry(self, editor: QWidget, option: QStyleOptionViewItem, index: QModelIndex) -> None:  # noqa: N802
        if editor.font() != self.font:  # (zoomed since it opened: the rows' text size, as the row it covers)
            editor.setFont(self.font)
        rect = QRect(option.rect)
        rect.setLeft(rect.left() + self.gutter())
        rect.setHeight(max(rect.height(), int(self.font.pointSizeF() * 6)))
        editor.setGeometry(rect)

    def commit_active(self) -> bool:
        """Commit the in-place editor if one is open (Ctrl+Enter reaches the window's action first)."""
        if self.active_editor is None or not self.active_editor.isVisible():
            return False
        self._commit(self.active_editor)
        return True

    def _cancel(self, editor: InPlaceEditor) -> None:
        self.active_editor = None
        paragraph_id = editor.paragraph_id
        self.closeEditor.emit(editor)
        self.edit_cancelled.emit(paragraph_id)

    def _commit(self, editor: InPlaceEditor) -> None:
        self.active_editor = None
        paragraph_id, text = editor.paragraph_id, editor.toPlainText()
        self.closeEditor.emit(editor)
        self.edit_committed.emit(paragraph_id, text)


class InPlaceEditor(CommitText):
    """The in-place editor of a paragraph: Ctrl+Enter commits, Escape leaves it unchanged."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.paragraph_id = ""
        self.setFrameShape(QPlainTextEdit.Shape.Box)


KEPT, ESTIMATED, MEASURED = "kept", "estimated", "measured"


def _sized_how(
    row: Row, at: int, key: tuple[int, int], current: int, pending: Container[str], exact: Callable[[int], bool]
) -> str:
    """How a row gets its height at this width and text size (key), the chair's row being at `current`:
    KEPT, the size it was measured at holds (same text, same key, no proposal being typed); ESTIMATED, it was
    never drawn or was measured at another key, and it is far from the chair's row (or near it but not yet
    among the rows measured exactly); MEASURED, laid out now. `row_heights` and `_row_size` both ask it, so
    that a row has the same height whichever of them the view asked."""
    size = row.size
    if size is not None and size[1] == key:
        # a ghost's or a tagged row's is sized by other words than its html: measured, not kept
        return KEPT if size[0] is row.html and row.id not in pending else MEASURED
    if (row.html is None if size is None else row.id not in pending) and (
        abs(at - current) > NEAR_ROWS or not exact(at)
    ):
        return ESTIMATED
    return MEASURED


def _shape(model: DraftModel, row: Row) -> tuple[int, tuple[int, ...]]:
    """What a row's estimated height is reckoned from at any width: its lines whatever the width (a heading's,
    a paragraph's notes, the head of each proposal, the line under a changed paragraph), and the length of
    each part that wraps (the words, each lettered point, each proposal's words). Kept with the row, so that a
    zoom or a new width reckons 12,000 rows from numbers alone."""
    if row.kind == "section":
        return 2, ()
    if row.kind != "paragraph":
        return 1, ()
    para = model.session.draft.paragraphs.get(row.id)
    if para is None:
        return 1, ()
    proposals, subs = model.rows.pending_of(row.id), para.subparagraphs  # (proposals kept per paragraph)
    lines = len(para.notes) + (row.status != "unchanged")
    if not proposals and not subs:  # (most rows)
        return lines, (len(para.text),)
    lengths = (len(para.text), *[len(sub.text) for sub in subs], *[len(p.text) for p in proposals])
    return lines + 2 * len(proposals), lengths
