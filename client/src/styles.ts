/**
 * The app's style sheets, each next to what it styles, imported here in one
 * fixed order. The order is the cascade: they were one sheet, and where two
 * rules of the same specificity meet (a side-panel button that is also an
 * export button), the later one wins. Add a sheet where its rules belong in
 * that order, not at the end by habit.
 */
import './ui/base.css';
import './pages/entry.css';
import './pages/meeting.css';
import './board/editor.css';
import './board/poster/toolkit.css';
import './i18n/language.css';
import './ui/run.css';
import './projector/projector.css';
import './ui/people.css';
import './board/tools.css';
import './report/export.css';
import './board/letter.css';
import './ui/side-panel.css';
import './board/zone-nav.css';
import './ui/history.css';
import './pages/key.css';
import './ui/optional.css';
import './draaiboek/assignment.css';
import './draaiboek/draaiboek.css';
import './projector/assignment-bar.css';
import './draaiboek/facilitator-notes.css';
import './ui/facilitator-panel.css';
import './ui/handout.css';
