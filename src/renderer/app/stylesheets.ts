/*
 * Every stylesheet of the renderer, in cascade order. Where two rules of the same weight meet
 * on one element the later wins, so this order is part of the look: the features' own sheets
 * first, then the shared look and the shell, then the queue's features, as they have always
 * been bundled. Each sheet lives beside the components it styles; the design tokens (custom
 * properties only) come first, as every sheet reads them.
 */
import '../ui/tokens.css';
import '../intake/intake.css';
import '../phone/phone.css';
import '../access/access.css';
import '../sync/sync.css';
import '../reports/reports.css';
import '../export/export.css';
import '../sipAccounts/sipAccounts.css';
import '../team/team.css';
import '../ui/ui.css';
import './app.css';
import '../storage/storage.css';
import '../leads/leads.css';
import '../workflow/workflow.css';
import '../orders/orders.css';
import '../reminders/reminders.css';
