"""The adoption dock's dialogs: an objection (delegation with type-ahead, reason), a reason, a recorded vote."""

from __future__ import annotations

from ...core.adoption.votes import (
    MAJORITY_RULES,
    SIMPLE_MAJORITY,
    Tally,
    carries,
    counts_sentence,
    required_yes,
    tally_ballots,
)
from ...core.log.state import SessionState
from ..qt import (
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSpinBox,
    Qt,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

ABSENT = "absent"


class ReasonDialog(QDialog):
    """Asks for the reason of a step that the record must explain (reopening a section or the report)."""

    def __init__(self, title: str, prompt: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reasonDialog")
        self.setWindowTitle(title)
        layout = QVBoxLayout(self)
        label = QLabel(prompt)
        label.setWordWrap(True)
        layout.addWidget(label)
        self.reason = QLineEdit()
        self.reason.setObjectName("reason")
        self.reason.setPlaceholderText("The reason, as it goes into the record")
        layout.addWidget(self.reason)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.reason.textChanged.connect(self._update)
        self._update()
        self.resize(460, self.sizeHint().height())

    def _update(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(self.reason.text().strip()))

    def text(self) -> str:
        """The reason typed."""
        return self.reason.text().strip()


class ObjectionDialog(QDialog):
    """Records an objection: which delegation (type a few letters of its name or code) and its reason."""

    def __init__(
        self, section_name: str, delegations: list[tuple[str, str]], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("objectionDialog")
        self.setWindowTitle("Record an objection")
        self._delegations = delegations
        layout = QVBoxLayout(self)
        heading = QLabel(f"Objection to the adoption of {section_name}")
        heading.setWordWrap(True)
        layout.addWidget(heading)
        form = QFormLayout()
        self.delegation = QComboBox()
        self.delegation.setObjectName("delegation")
        self.delegation.setEditable(True)
        self.delegation.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        for code, name in delegations:
            self.delegation.addItem(f"{name} ({code})", code)
        self.delegation.setCurrentIndex(-1)
        self.delegation.lineEdit().setPlaceholderText(
            "Type the delegation's name or code" if delegations else "Delegation (no list of delegations yet)"
        )
        completer = QCompleter([self.delegation.itemText(i) for i in range(self.delegation.count())], self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.delegation.setCompleter(completer)
        form.addRow("&Delegation:", self.delegation)
        self.chosen = QLabel()
        self.chosen.setObjectName("chosen")
        form.addRow("", self.chosen)
        self.reason = QLineEdit()
        self.reason.setObjectName("reason")
        self.reason.setPlaceholderText("What the delegation objects to")
        form.addRow("&Reason:", self.reason)
        layout.addLayout(form)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Record the objection")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.delegation.currentTextChanged.connect(self._update)
        self.reason.textChanged.connect(self._update)
        self._update()
        self.resize(480, self.sizeHint().height())

    def _update(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        code = self.delegation_code()
        names = dict(self._delegations)
        known = not self._delegations or code in names
        self.chosen.setText(f"→ {names[code]} ({code})" if code in names else "")
        ok.setEnabled(bool(code and known and self.reason.text().strip()))

    def delegation_code(self) -> str:
        """The delegation chosen: exact label, name or code first, then a unique match at the start of a
        word of the name ("re" is Red, not Green), then a unique match anywhere; else the text as typed."""
        text = self.delegation.currentText().strip()
        key = text.casefold()
        if not key:
            return ""
        exact = [
            c for c, n in self._delegations if key in (f"{n} ({c})".casefold(), n.casefold(), c.casefold())
        ]
        starts = [c for c, n in self._delegations if any(w.startswith(key) for w in n.casefold().split())]
        anywhere = [c for c, n in self._delegations if key in f"{n} ({c})".casefold()]
        for tier in (exact, starts, anywhere):
            if len(tier) == 1:
                return tier[0]
        return "" if self._delegations else text

    def text(self) -> str:
        """The reason typed."""
        return self.reason.text().strip()


class VoteDialog(QDialog):
    """Puts a section, a proposal or the report to a vote: roll call in roster order, or totals."""

    def __init__(self, state: SessionState, section_id: str | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("voteDialog")
        self.setWindowTitle("Recorded vote")
        self._delegations = list(state.roster.names().items())
        draft = state.draft
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.subject = QComboBox()
        self.subject.setObjectName("subject")
        for sid in draft.order:
            label = draft.label_of(sid)
            self.subject.addItem(f"Section {label}, {draft.sections[sid].title}", ("section", sid))
        for proposal in draft.pending_proposals():
            name = draft.paragraph_name(proposal.paragraph)
            by = state.roster.name_of(proposal.delegation)
            self.subject.addItem(f"Proposal by {by} for {name}", ("proposal", proposal.id))
        self.subject.addItem("The whole report", ("report", None))
        if section_id in draft.order:
            self.subject.setCurrentIndex(draft.order.index(section_id))
        form.addRow("&Put to the vote:", self.subject)
        self.rule = QComboBox()
        self.rule.setObjectName("rule")
        for rule, description in MAJORITY_RULES.items():
            self.rule.addItem(rule[:1].upper() + rule[1:], rule)
            self.rule.setItemData(self.rule.count() - 1, description, Qt.ItemDataRole.ToolTipRole)
        self.rule.setCurrentIndex(list(MAJORITY_RULES).index(SIMPLE_MAJORITY))
        form.addRow("&Majority:", self.rule)
        self.rule_help = QLabel()
        self.rule_help.setWordWrap(True)
        self.rule_help.setStyleSheet("color: palette(dark);")
        form.addRow("", self.rule_help)
        layout.addLayout(form)

        self.tabs = QTabWidget()
        self.roll_call = QTableWidget(len(self._delegations), 2)
        self.roll_call.setObjectName("rollCall")
        self.roll_call.setHorizontalHeaderLabels(["Delegation", "Vote"])
        self.roll_call.verticalHeader().setVisible(False)
        self.roll_call.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.choices: dict[str, QComboBox] = {}
        for row, (code, name) in enumerate(self._delegations):
            item = QTableWidgetItem(f"{name} ({code})")
            item.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.roll_call.setItem(row, 0, item)
            choice = QComboBox()
            choice.addItems(["yes", "no", "abstain", ABSENT])
            choice.setCurrentText(ABSENT)
            choice.currentTextChanged.connect(self._update)
            self.roll_call.setCellWidget(row, 1, choice)
            self.choices[code] = choice
        self.tabs.addTab(self.roll_call, "&Roll call")
        procedure = state.procedure  # under Model UN rules, those present are the roll call's
        roll = procedure.mun and procedure.roll_called
        self._roll_present = len(procedure.present_codes(state.roster.codes())) if roll else None
        totals = QWidget()
        totals_form = QFormLayout(totals)
        self.counts: dict[str, QSpinBox] = {}
        for key, text in (
            ("yes", "In &favour:"),
            ("no", "A&gainst:"),
            ("abstain", "Abs&taining:"),
            ("present", "&Present:"),
        ):
            spin = QSpinBox()
            spin.setObjectName(key)
            spin.setRange(0, 999)
            spin.valueChanged.connect(self._update)
            totals_form.addRow(text, spin)
            self.counts[key] = spin
        if self._roll_present is not None:
            self.counts["present"].blockSignals(True)  # the result line is drawn once the dialog is built
            self.counts["present"].setValue(self._roll_present)
            self.counts["present"].blockSignals(False)
            self.counts["present"].setEnabled(False)
            self.counts["present"].setToolTip("From the roll call (Procedure panel).")
        self.tabs.addTab(totals, "T&otals")
        if not self._delegations:
            self.tabs.setTabEnabled(0, False)
            self.tabs.setTabToolTip(0, "The session has no list of delegations; enter the totals.")
            self.tabs.setCurrentIndex(1)
        layout.addWidget(self.tabs)
        self.result = QLabel()
        self.result.setObjectName("result")
        self.result.setWordWrap(True)
        layout.addWidget(self.result)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Record the vote")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.rule.currentIndexChanged.connect(self._update)
        self.tabs.currentChanged.connect(self._update)
        self._update()
        self.resize(520, 560 if self._delegations else 380)

    def is_roll_call(self) -> bool:
        """Whether the roll call (not the totals) is being entered."""
        return self.tabs.currentIndex() == 0

    def ballots(self) -> dict[str, str]:
        """The roll call: each delegation present and its vote (absent ones left out)."""
        return {code: box.currentText() for code, box in self.choices.items() if box.currentText() != ABSENT}

    def totals(self) -> dict[str, int]:
        """The totals as entered (present at least as many as voted)."""
        values = {key: spin.value() for key, spin in self.counts.items()}
        values["present"] = max(values["present"], values["yes"] + values["no"] + values["abstain"])
        return values

    def tally(self) -> Tally:
        """The counts of the vote as entered so far."""
        if self.is_roll_call():
            tally = tally_ballots(self.ballots())
        else:
            t = self.totals()
            tally = Tally(t["yes"], t["no"], t["abstain"], t["present"])
        if self._roll_present is not None:
            return Tally(tally.yes, tally.no, tally.abstain, max(self._roll_present, tally.present))
        return tally

    def _update(self) -> None:
        cast = sum(self.counts[key].value() for key in ("yes", "no", "abstain"))
        self.counts["present"].setMinimum(cast)  # those present include everyone who voted
        rule = self.rule.currentData()
        self.rule_help.setText(MAJORITY_RULES[rule][:1].upper() + MAJORITY_RULES[rule][1:] + ".")
        tally = self.tally()
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(tally.present > 0)
        if tally.present == 0:
            self.result.setText("Nobody is recorded as present yet.")
            return
        outcome = "Carried" if carries(rule, tally) else "Not carried"
        self.result.setText(
            f"<b>{outcome}</b>: {counts_sentence(tally)}; required majority {required_yes(rule, tally)}."
        )

    def arguments(self) -> tuple[str, str | None, str, dict[str, str] | None, dict[str, int] | None]:
        """(subject_kind, subject, rule, ballots, totals) for core.adoption.record_vote."""
        kind, subject = self.subject.currentData()
        if self.is_roll_call():
            return kind, subject, self.rule.currentData(), self.ballots(), None
        return kind, subject, self.rule.currentData(), None, self.totals()
