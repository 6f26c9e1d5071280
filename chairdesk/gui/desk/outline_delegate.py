"""How the outline draws its lines: a section as its title over its status, a paragraph as its first words,
each wrapped to the outline's width and laid out once."""

from __future__ import annotations

from ..qt import (
    QColor,
    QFont,
    QModelIndex,
    QPainter,
    QPalette,
    QPointF,
    QSize,
    QStaticText,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    Qt,
    QTransform,
    QTreeView,
)

ID_ROLE = Qt.ItemDataRole.UserRole + 1
KIND_ROLE = Qt.ItemDataRole.UserRole + 2


class OutlineDelegate(QStyledItemDelegate):
    """Draws a section as its title line (bold) over its status line (quiet), wrapped to the outline's width.

    Each line is laid out once into a QStaticText (kept by its words, width and weight), so the repaint after
    every change (the numbers of the other lines move) draws laid-out text instead of wrapping it again."""

    KEPT = 4000  # laid-out lines kept: every line of a 2,000-paragraph outline at two widths

    def __init__(self, view: QTreeView) -> None:
        super().__init__(view)
        self.view = view
        self._texts: dict[tuple[str, int, bool], QStaticText] = {}
        self._font: QFont | None = None  # the view's font the lines were laid out in, and its bold twin
        self._bold = QFont()
        self._quiet = QColor("#5f5f5f")  # a section's status line
        self._selected = QColor("#dbe8fb")

    def _fonts(self) -> tuple[QFont, QFont]:
        """The view's font and its bold twin, made again (and every line laid out again) when the view's font
        changed: the outline is drawn again after every change, each line asking for them (copying the font
        and working out its key on each ask was a third of the time spent asking for laid-out lines)."""
        font = self.view.font()
        if self._font is None or font != self._font:
            self._texts.clear()
            self._font, self._bold = font, QFont(font)
            self._bold.setBold(True)
        return font, self._bold

    def _width(self, index: QModelIndex) -> int:
        """The width a line wraps to: the item's, as the tree indents it, less the margins paint leaves."""
        depth = 1 if index.parent().isValid() else 0
        return max(120, self.view.viewport().width() - self.view.indentation() * (depth + 1) - 4)

    def _lines(self, index: QModelIndex) -> list[tuple[bool, str]]:
        """The lines to draw, each with whether it is bold."""
        text = index.data() or ""
        if index.data(KIND_ROLE) != "section":
            return [(False, text)]
        title, _, status = text.partition("\n")
        return [(True, title), (False, status)]

    def _laid_out(self, bold: bool, line: str, width: int) -> QStaticText:
        """The line wrapped to width in the view's font (bold or not), laid out once and kept."""
        plain, bold_font = self._fonts()
        key = (line, width, bold)
        text = self._texts.get(key)
        if text is None:
            if len(self._texts) >= self.KEPT:
                self._texts.clear()
            text = self._texts[key] = QStaticText(line)
            text.setTextFormat(Qt.TextFormat.PlainText)
            text.setTextWidth(width)
            text.prepare(QTransform(), bold_font if bold else plain)
        return text

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:  # noqa: N802
        width = self._width(index)
        height = sum(self._laid_out(bold, line, width).size().height() for bold, line in self._lines(index))
        return QSize(width, round(height) + 10)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        painter.save()
        if option.state & QStyle.StateFlag.State_Selected:
            painter.fillRect(option.rect, self._selected)
        top = option.rect.top() + 5.0
        left = option.rect.left() + 2
        width = self._width(index)  # as sizeHint measured it: the same lines, no gap and no overflow
        plain, bold_font = self._fonts()
        for number, (bold, line) in enumerate(self._lines(index)):
            painter.setFont(bold_font if bold else plain)
            painter.setPen(self._quiet if number else option.palette.color(QPalette.ColorRole.Text))
            text = self._laid_out(bold, line, width)
            painter.drawStaticText(QPointF(left, top), text)
            top += text.size().height()
        painter.restore()
