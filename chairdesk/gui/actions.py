"""The desk's actions and menus: one table of (menu, name, text, shortcut, method) so every action has a
shortcut shown in its menu and Help can list them all."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from .qt import QAction, QKeySequence, QMenu, QMenuBar, QObject, QSizePolicy, Qt, QToolButton, QWidget


@dataclass(frozen=True)
class ActionSpec:
    """One action of the window: where it sits, what it says, its keys and the window method it calls."""

    menu: str
    name: str
    text: str
    keys: tuple[str, ...]
    method: str
    checkable: bool = False


SPECS: list[ActionSpec] = [
    ActionSpec("&File", "new_session", "&New session…", ("Ctrl+N",), "new_session"),
    ActionSpec("&File", "open_session", "&Open…", ("Ctrl+O",), "open_dialog"),
    ActionSpec("&File", "import_draft", "&Import draft (DOCX or text)…", ("Ctrl+I",), "import_draft"),
    ActionSpec("&File", "open_replay", "Open for &replay…", ("Ctrl+Alt+O",), "open_replay_dialog"),
    ActionSpec("&File", "save_copy", "Save a &copy as…", ("Ctrl+Shift+S",), "save_copy"),
    ActionSpec(
        "&File",
        "meeting_details",
        "&Meeting details (report's first page)…",
        ("Ctrl+Alt+G",),
        "meeting_details",
    ),
    ActionSpec("&File", "close_session", "&Close the session", ("Ctrl+W",), "close_session"),
    ActionSpec("&Edit", "find", "&Find in the draft…", ("Ctrl+F",), "find"),
    ActionSpec("&Edit", "find_next", "Find &next", ("F3",), "find_next"),
    ActionSpec("&Edit", "go_to", "&Go to paragraph…", ("Ctrl+G",), "go_to_dialog"),
    ActionSpec("&Paragraph", "edit_in_place", "&Edit in place", ("F2",), "edit_in_place"),
    ActionSpec("&Paragraph", "focus_editor", "Edit in the editor &pane", ("Ctrl+E",), "focus_editor"),
    ActionSpec("&Paragraph", "commit", "C&ommit the edit", ("Ctrl+Return",), "commit_editor"),
    ActionSpec(
        "&Paragraph", "insert_after", "&Insert a paragraph after this one", ("Ctrl+Shift+N",), "insert_after"
    ),
    ActionSpec("&Paragraph", "strike", "&Strike this paragraph", ("Ctrl+Delete",), "strike_current"),
    ActionSpec(
        "&Paragraph", "restore", "&Restore a struck paragraph", ("Ctrl+Shift+Delete",), "restore_current"
    ),
    ActionSpec("&Paragraph", "move_up", "Move &up", ("Alt+Shift+Up",), "move_up"),
    ActionSpec("&Paragraph", "move_down", "Move &down", ("Alt+Shift+Down",), "move_down"),
    ActionSpec("&Paragraph", "move_to", "&Move to…", ("Ctrl+M",), "move_to_dialog"),
    ActionSpec(
        "&Paragraph", "pin_actor", "&Pin or unpin “On behalf of”", ("Ctrl+Shift+P",), "toggle_pin"
    ),
    ActionSpec("&Paragraph", "-", "", (), ""),
    ActionSpec("&Paragraph", "bracket", "&Bracket the selected words", ("Ctrl+B",), "bracket_selection"),
    ActionSpec(
        "&Paragraph", "unbracket", "Remove &brackets at the cursor", ("Ctrl+Shift+B",), "unbracket_at_cursor"
    ),
    ActionSpec("&Paragraph", "-", "", (), ""),
    ActionSpec(
        "&Paragraph", "sub_add", "Add a &lettered sub-paragraph", ("Ctrl+Shift+L",), "add_subparagraph"
    ),
    ActionSpec("&Paragraph", "sub_next", "Edit the next part ((a), (b), …)", ("Ctrl+PgDown",), "next_part"),
    ActionSpec("&Paragraph", "sub_previous", "Edit the previous part", ("Ctrl+PgUp",), "previous_part"),
    ActionSpec(
        "&Paragraph",
        "sub_strike",
        "Strike the lettered sub-paragraph",
        ("Alt+Delete",),
        "strike_subparagraph",
    ),
    ActionSpec("&Paragraph", "sub_up", "Move the sub-paragraph up", ("Ctrl+Alt+Up",), "subparagraph_up"),
    ActionSpec(
        "&Paragraph", "sub_down", "Move the sub-paragraph down", ("Ctrl+Alt+Down",), "subparagraph_down"
    ),
    ActionSpec(
        "&Paragraph", "preambular", "Make it &preambular / operative", ("Ctrl+Alt+A",), "toggle_preambular"
    ),
    ActionSpec(
        "&Paragraph",
        "sub_level",
        "Indent the sub-paragraph to (i) / back to (a)",
        ("Ctrl+Alt+I",),
        "toggle_subparagraph_level",
    ),
    ActionSpec(
        "&Section", "set_title", "Change the &document title…", ("Ctrl+Shift+D",), "set_document_title"
    ),
    ActionSpec(
        "&Section",
        "numbering_mode",
        "&Keep tabled numbers / renumber live",
        ("Ctrl+Alt+K",),
        "toggle_numbering_mode",
    ),
    ActionSpec("&Section", "renumber", "&Technical renumbering", ("Ctrl+Alt+T",), "technical_renumbering"),
    ActionSpec("&Section", "add_section", "&Add a section after this one…", ("Ctrl+Alt+N",), "add_section"),
    ActionSpec("&Section", "retitle", "&Retitle the section…", ("Ctrl+Shift+T",), "retitle_section"),
    ActionSpec(
        "&Section",
        "subheading",
        "Add a &sub-heading before this paragraph…",
        ("Ctrl+Shift+H",),
        "add_subheading",
    ),
    ActionSpec(
        "&Section", "baseline", "Mark a &baseline (e.g. second reading)…", ("Ctrl+Shift+M",), "mark_baseline"
    ),
    ActionSpec("Pr&oposals", "propose", "&Record a delegation's proposal…", ("Ctrl+P",), "record_proposal"),
    ActionSpec("Pr&oposals", "accept", "&Accept the proposal", ("Ctrl+Shift+A",), "accept_proposal"),
    ActionSpec("Pr&oposals", "set_aside", "&Set the proposal aside", ("Ctrl+Shift+X",), "set_aside_proposal"),
    ActionSpec("&View", "mode_tabled", "Changes since the &tabled draft", ("Ctrl+1",), "show_tabled", True),
    ActionSpec("&View", "mode_last", "Changes since the last &baseline", ("Ctrl+2",), "show_last", True),
    ActionSpec("&View", "mode_clean", "&Clean text", ("Ctrl+3",), "show_clean", True),
    ActionSpec("&View", "-", "", (), ""),
    ActionSpec("&View", "zoom_in", "Zoom &in", ("Ctrl++", "Ctrl+="), "zoom_in"),
    ActionSpec("&View", "zoom_out", "Zoom &out", ("Ctrl+-",), "zoom_out"),
    ActionSpec("&View", "zoom_reset", "&Normal size", ("Ctrl+0",), "zoom_reset"),
    ActionSpec("&View", "-", "", (), ""),
    ActionSpec("&View", "focus_outline", "Go to the &outline", ("Alt+1",), "focus_outline"),
    ActionSpec("&View", "focus_draft", "Go to the &draft", ("Alt+2",), "focus_draft"),
    ActionSpec("&View", "focus_pane", "Go to the &editor pane", ("Alt+3",), "focus_editor"),
    ActionSpec("&Help", "shortcuts", "&Keyboard shortcuts", ("F1",), "show_shortcuts"),
]


class StepAction(QAction):
    """Undo or Redo: its text names the step ("Undo strike"), set by the undo stack's signals.

    The stack's signals connect to this action's own slots, so Qt drops them when the action is deleted,
    even if the stack (owned by the session's controller) outlives the window.
    """

    def __init__(self, verb: str, parent: QObject) -> None:
        super().__init__(verb, parent)
        self.verb = verb

    def show_step(self, step: str) -> None:
        """Name the step the action would undo or redo."""
        self.setText(f"{self.verb} {step}".strip())

    def follow(self, can_step: object, step_text: object, now: tuple[bool, str]) -> None:
        """Listen to one undo stack's canUndo/undoText (or redo) signals, showing its state now."""
        can_step.connect(self.setEnabled)  # type: ignore[attr-defined]
        step_text.connect(self.show_step)  # type: ignore[attr-defined]
        self.setEnabled(now[0])
        self.show_step(now[1])

    def leave(self, can_step: object, step_text: object) -> None:
        """Stop listening to a stack (the session it belongs to is closing)."""
        for signal, slot in ((can_step, self.setEnabled), (step_text, self.show_step)):
            try:
                signal.disconnect(slot)  # type: ignore[attr-defined]
            except (RuntimeError, TypeError):
                pass  # never connected (already left)


def shortcut_action(
    owner: QObject, text: str, key: str, slot: Callable[[], object], tip: str, name: str = ""
) -> QAction:
    """An action with a window-wide shortcut, its key named in the tooltip and the tip in the status bar."""
    action = QAction(text, owner)
    if name:
        action.setObjectName(name)
    action.setShortcut(QKeySequence(key))
    action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
    action.setToolTip(f"{tip} ({QKeySequence(key).toString(QKeySequence.SequenceFormat.NativeText)})")
    action.setStatusTip(tip)
    action.triggered.connect(slot)
    return action


def action_button(action: QAction, parent: QWidget) -> QToolButton:
    """A text-only tool button for an action, as wide as its row allows (the docks' button rows)."""
    button = QToolButton(parent)
    button.setDefaultAction(action)
    button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
    button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
    return button


def build_actions(owner: QObject, slots: Callable[[str], Callable[[], None]]) -> dict[str, QAction]:
    """Create every action of the table, each calling `slots(method)` when triggered."""
    actions: dict[str, QAction] = {}
    for spec in SPECS:
        if spec.name == "-":
            continue
        action = QAction(spec.text, owner)
        action.setObjectName(spec.name)
        action.setShortcuts([QKeySequence(k) for k in spec.keys])
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.setCheckable(spec.checkable)
        slot = slots(spec.method)
        action.triggered.connect(lambda _checked=False, s=slot: s())
        actions[spec.name] = action
    return actions


def build_menus(
    menubar: QMenuBar, actions: dict[str, QAction], extra: dict[str, QAction]
) -> dict[str, QMenu]:
    """Fill the menu bar from the table; `extra` are actions placed by name (undo, redo, recent files)."""
    menus: dict[str, QMenu] = {}
    for spec in SPECS:
        menu = menus.get(spec.menu)
        if menu is None:
            menu = menus[spec.menu] = menubar.addMenu(spec.menu)
            menu.setObjectName("menu_" + spec.menu.replace("&", "").lower())
        if spec.name == "-":
            menu.addSeparator()
        else:
            menu.addAction(actions[spec.name])
        if spec.name == "open_session":
            menus["recent"] = menu.addMenu("Open &recent")
        if spec.name == "save_copy":
            menus["export"] = menu.addMenu("&Export")  # filled by install_export_actions()
        if spec.name == "find":
            menu.insertAction(actions["find"], extra["undo"])
            menu.insertAction(actions["find"], extra["redo"])
            menu.insertSeparator(actions["find"])
    menus["&File"].addSeparator()
    menus["&File"].addAction(extra["quit"])
    return menus


def shortcut_rows(menubar: QMenuBar) -> list[tuple[str, str, str]]:
    """(menu, action, keys) for every action in the menus, for the Help list."""
    rows = []

    def walk(menu: QMenu, title: str) -> None:
        for action in menu.actions():
            if action.menu() is not None:
                walk(action.menu(), title)
            elif not action.isSeparator() and action.text():
                keys = ", ".join(
                    k.toString(QKeySequence.SequenceFormat.NativeText) for k in action.shortcuts()
                )
                rows.append((title, action.text().replace("&", ""), keys or "—"))

    for action in menubar.actions():
        if action.menu() is not None:
            walk(action.menu(), action.text().replace("&", ""))
    return rows
