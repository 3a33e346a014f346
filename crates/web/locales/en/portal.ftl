app-name = Switchboard
skip-link = Skip to content
nav-home = Home
nav-security = Security
language = Language
sign-out = Sign out
errors-summary = There is a problem
# Between a field's name and what is wrong with it (French sets a narrow space before the colon).
label-separator = {":"}{" "}
continue = Continue

sign-in-title = Sign in
login-name = Login name
password = Password
sign-in-button = Sign in
forgot-link = Forgot your password?
sign-in-failed = The login name or password is not right.
session-expired = Your session has ended. Sign in again.

two-step-title = Two-step sign-in
two-step-totp-hint = Type the 6-digit code your authenticator app shows now, or one of your recovery codes.
two-step-email-hint = We sent a 6-digit code by email to your personal contact. It is valid for 10 minutes.
two-step-sms-hint = We sent a 6-digit code by text message to your personal contact. It is valid for 10 minutes.
code = Code
challenge-voided = Too many wrong codes. Sign in again to get a new one.

password-change-title = Change your password
password-change-forced = Before you continue, choose a new password.
current-password = Current password
new-password = New password
password-hint = At least 12 characters. A few unrelated words make a strong password; your own name, email and “Switchboard” do not count.
change-password = Change password
password-changed = Your password was changed. Your other sessions were signed out.

forgot-title = Forgot your password
forgot-hint = Give your login name: we send a link to choose a new password to the email address of the account.
send-link = Send link
forgot-sent = If that account exists, a link is on its way to its email address. It works once, for 60 minutes.
reset-title = Choose a new password
invitation-title = Welcome, { $name }
invitation-hint = Choose the password of your Switchboard account { $login }.
set-password = Set password
link-expired = This link has expired or was already used. Ask for a new one.
password-set = Your password is set. Sign in with it.

home-title = Welcome, { $name }
home-intro = You are signed in to the Switchboard portal.
home-role = Role
home-enterprise = Enterprise
home-login = Login name
home-email = Email
role-user = User
role-team_lead = Team lead
role-site_admin = Site administrator
role-enterprise_admin = Enterprise administrator
role-operator = Operator (provider)

security-title = Security
security-password = Password
security-two-step = Two-step sign-in
security-totp-on = An authenticator app is set up. Recovery codes left: { $count }.
security-totp-off = No authenticator app is set up.
security-two-step-required = Your administrator requires two-step sign-in. Without an app, each sign-in sends a code to your personal contact.
totp-start = Set up an authenticator app
totp-scan = Scan this code with your authenticator app, or type the key below into it. Then type the 6-digit code it shows.
totp-key = Key
totp-confirm = Turn on
totp-disable = Turn off the authenticator app
totp-enabled = The authenticator app is on. Your other sessions were signed out.
totp-disabled = The authenticator app is off. Your other sessions were signed out.
recovery-title = Your recovery codes
recovery-hint = Keep these codes somewhere safe. If you lose your phone, each one works once in place of a code from the app. They are shown only now.
security-sessions = Sessions
sign-out-everywhere = Sign out everywhere
sign-out-everywhere-hint = Ends every session of your account, on every device, this one too.
signed-out = You are signed out.
signed-out-everywhere = You are signed out on every device.
sign-in-again = For this change, sign in again first.

error-title = Something went wrong
error-text = The page could not be shown. Try again; if it keeps happening, give this reference to your administrator: { $reference }
not-found-title = Page not found
not-found-text = There is nothing at this address.
csrf-failed = This form has expired. Reload the page and send it again.
back-home = Back to the start page

error-required = This field is required.
error-password-too-short = The password needs at least 12 characters.
error-password-too-long = The password may have at most 256 characters.
error-password-too-weak = This password is too easy to guess. A few unrelated words make a strong one; leave out your own name and email.
error-password-unchanged = Choose a password different from the current one.
error-wrong-password = This is not your current password.
error-wrong-code = This code is not right, or was already used. Type the current one.

nav-tokens = API tokens
tokens-title = Personal API tokens
tokens-hint = A token lets a script use the API as you, with your role — never more. It stops when you are deactivated or deleted.
tokens-none = You have no API tokens.
token-name = Name
token-created = Created
token-last-used = Last used
token-expires = Expires
token-never = never
token-revoke = Revoke
token-revoked = revoked
token-new = New token
token-days = Valid for (days)
token-create = Create token
token-created-title = Your new API token
token-shown-once = Copy this token now: it is shown only this once. Send it as "Authorization: Bearer …".
token-revoked-flash = The token was revoked.

## Administration (seeds 000–004)
nav-users = Set up users
nav-licences = Licences
nav-numbers = Numbers
nav-audit = Audit log
security-tokens-link = Manage your personal API tokens
switcher-label = Where you are working
switcher-site = Site
switcher-all-sites = All sites
switcher-go = Switch
switcher-change-enterprise = change enterprise
enterprises-title = Enterprises
enterprises-hint = Choose the enterprise to work in.
enterprises-none = There are no enterprises yet.
enterprise-name = Enterprise
enterprise-open = Work in this enterprise
sip-domain = SIP domain
forbidden-title = Not available
forbidden-admin-only = These pages are for administrators. Your own settings are under Security.
audit-forbidden = The audit log is for enterprise administrators and operators.
add = Add
remove = Remove
save = Save changes
cancel = Cancel
copy = Copy
copied = Copied
print = Print
back-to-user = Back to the user

users-title = User management
users-add = Add user
users-search = Search
users-search-hint = Name, email or extension. Results update as you type.
users-filter-any = Any
users-apply = Apply
users-active-filters = Active filters
users-remove-filter = Remove filter
users-refresh = Refresh
users-none = No users match.
users-pages = Pages
users-first-page = First page
users-next-page = Next page
users-columns = Columns
users-columns-hint = Show these columns
users-columns-save = Save columns
columns-saved = Your choice of columns is saved.
users-col-name = Name
users-col-login = Username
users-col-email = Email
users-col-extension = Extension
users-col-number = Number
users-col-role = Role
users-col-teams = Teams
users-col-groups = Groups
users-col-department = Department
users-col-contact = Personal contact
users-col-state = State
users-col-site = Site
users-col-licence = Licence
users-col-device = Device type

state-pending = Pending
state-active = Active
state-failed = Activation failed
state-deactivated = Deactivated
state-pending-meaning = Can make calls but not receive them until the number is activated.
state-active-meaning = Can make and receive calls.
state-failed-meaning = The number could not be activated: can make calls but not receive them. An operator can retry the activation.
state-deactivated-meaning = Cannot use the phone. Callers hear a message and are sent to the intercept destination.
language-en = English
language-de = German
language-fr = French

user-new-title = Add user
user-duplicate-of = A copy of { $name }: site, role, licences, device type, department and teams are taken over; name, email, numbers and login details are not.
user-section-person = Person
user-section-telephony = Telephony
user-section-organisation = Role and organisation
user-section-sign-in = Portal sign-in
user-section-configuration = Configuration
user-choose = Choose…
user-none = None
user-site-hint = The site the user belongs to.
user-first-name = First name
user-last-name = Last name
user-email = Email
user-email-hint = Also the username for signing in, unless you set another below.
user-email-change-hint = Takes effect at once; a username that was the email changes with it.
user-language = Language
user-contact = Personal contact
user-contact-hint = An email address or mobile number for sign-in codes. Optional unless two-step sign-in is required.
user-package = Licence type
user-package-hint = Every telephony user needs one package licence.
user-addons = Add-ons
user-addons-hint = Supervisor: needed only by supervisors who use the supervisor tools of a call centre. Anyone can be a supervisor without it.
user-number = Phone number
user-number-hint = From the enterprise's free numbers: type to search.
user-number-change-hint = A new number frees the old one at once.
user-extension = Extension
user-extension-hint = Digits only. Left empty, the last digits of the number are used.
user-extension-length = Length: { $value } digits.
user-device = Device type
user-device-hint = "No desk phone" needs a mobile number and a contract number.
user-device-change-hint = A new device gets new login details, shown once.
user-mobile = Mobile number
user-mobile-hint = Carrier mobile, e.g. +491701234567.
user-contract = Contract number
user-contract-hint = The mobile contract's number.
user-role-hint = What the user may do in this portal.
user-department-hint = Departments are set up by the enterprise administrator.
user-password-mode = Portal password
user-password-invite = Send an invitation: the user chooses their password
user-password-set = Set a password now
user-password = Password
user-password-hint = At least 12 characters; a few unrelated words make a strong one.
user-must-change = Must be changed at first sign-in
user-two-step = Require two-step sign-in
user-advanced = Advanced: username
user-login = Username
user-login-hint = Only when it should differ from the email.
user-create = Add user
licence-free = { $count } free
licence-none-free = No free licence
licence-none-free-text = Every purchased package licence is assigned. Purchase more before adding users.

sip-login-title = Desk-phone login
sip-login-created = { $name } was added. Enter these login details in the desk phone or softphone.
sip-login-renewed = New login details for { $name }. The old password no longer works.
sip-login-once = Shown only this once: copy or print them now.
sip-login-none = No login details were issued.
sip-username = Username
sip-password = Password

user-title = User
user-actions = Actions
user-edit = Edit
user-edit-title = Edit { $name }
user-details = Details
user-created = Created
user-intercept = Calls are intercepted
user-push-retrying = The phone system has not taken the last change yet; it is tried again shortly. Reason: { $error }
user-push-failed = The phone system did not take the last change, so phones may not behave as this page says. An operator can retry it from the job list. Reason: { $error }
user-sip-login = New login details
user-sip-login-title = New login details for { $name }
sip-login-consequence = The desk phone's current password stops working at once; the new details are shown once.
user-deactivate = Deactivate
user-deactivate-title = Deactivate { $name }
user-reactivate = Reactivate
user-retry = Retry activation
user-invite = Send new invitation
user-duplicate = Duplicate
user-delete = Delete
user-delete-title = Delete { $name }?
user-alternative-numbers = Alternative numbers
user-alternative-hint = Up to 10; each uses an Additional Number licence.
user-alternative-add = Add a number
remove-number-title = Remove { $name }’s alternative number?
remove-number-licence = Its Additional Number licence becomes free.
user-history = History
user-changed-meanwhile = Someone else changed this user meanwhile. Here are the current values; make your change again.
user-updated = The changes are saved.
user-deactivated = The user is deactivated; their calls are intercepted.
user-reactivated = The user is active again.
user-deleted = The user was deleted.
user-activation-retried = The activation is being retried.
user-invited = A new invitation was sent.
reason-pending = Not possible while the user is pending (until the number is activated).
reason-failed = Not possible while the activation has failed; an operator can retry it.
reason-deactivated = Not possible while the user is deactivated; reactivate first.
reason-already-deactivated = The user is already deactivated.
reason-not-deactivated = Only a deactivated user can be reactivated.
reason-not-failed = Only a failed activation can be retried.
reason-operator-only = Only the provider's operators can do this.
reason-enterprise-admin = Site administrators cannot change an enterprise administrator.
deactivate-intro = The number stays with the user. Callers hear a message and are sent on.
intercept-action = Intercept action
intercept-announce_new_number = Announce the new number
intercept-transfer_on_zero = Transfer when the caller presses 0
intercept-destination = New destination
intercept-destination-hint = The extension of an active user or of a call-centre queue of the same site: type a name or an extension.
intercept-queue = Queue { $name }
delete-frees-number = Number { $value } becomes free.
delete-frees-licences = These licences become free: { $value }.
delete-extension = Extension { $value } becomes free.
delete-leaves-teams = The user leaves these teams: { $value }.
delete-revokes = The desk-phone login, portal sessions and API tokens stop working.
delete-final = This cannot be undone.

licences-title = Licences
licences-hint = Billing is by licences purchased, assigned or not.
licence-type = Licence type
licence-kind = Kind
licence-kind-package = Package
licence-kind-addon = Add-on
licence-purchased = Purchased
licence-assigned = Assigned
licence-free-col = Free
licence-price = Price a month
licence-monthly = Monthly
licence-total = Monthly total
licences-buy-more = To purchase more licences, contact your provider.
purchase-title = Record a purchase
purchase-quantity = Quantity
purchase-quantity-hint = Negative to cancel licences that are not assigned.
purchase-note = Note
purchase-record = Record purchase
purchase-recorded = The purchase is recorded.

numbers-title = Numbers
numbers-show = Show
numbers-all = All numbers
numbers-prefix = Starting with
numbers-none = No numbers match.
numbers-status = Status
numbers-holder = Assigned to
numbers-other-site = a user of another site
number-free = Free
number-assigned = Assigned
number-usage-primary = (number)
number-usage-alternative = (alternative number)

audit-title = Audit log
audit-none = Nothing recorded yet.
audit-when = When
audit-who = Who
audit-where = From where
audit-what = What
audit-changes = Before → after
audit-clear = Show everything

error-invalid-name = Check the length: a first name has 1 to 23 characters, a last name 1 to 30.
error-invalid-email = Enter an email address like name@example.com.
error-invalid-login-name = A username has 3 to 254 characters without spaces.
error-invalid-extension = The extension has digits only, of the length this enterprise allows.
error-invalid-e164 = Enter the number in international form: + and 8 to 15 digits, e.g. +493012345678.
error-invalid-contract-number = Enter the contract number as on the contract (letters, digits, - and /).
error-invalid-contact = A personal contact has 1 to 254 characters.
error-invalid-choice = Choose one of the offered values.
error-unknown-reference = This choice does not exist (any more). Choose another.
error-unknown-number = This number is not in your enterprise's pool; choose a free one.
error-invalid-destination = The destination must be another active user, or a call-centre queue, of the same site.
error-duplicate = This is listed twice.
error-too-long = This is too long.
error-too-short = Type at least 3 characters.
error-out-of-range = This value is outside the allowed range.
error-invalid-id = This is not a valid reference.
error-invalid-cursor = This page link is outdated; start from the first page.
error-managed-licence = This add-on comes with each alternative number; it is not chosen directly.
error-wrong-licence-kind = This licence is of the wrong kind here.
problem-number-taken = Number { $value } is already assigned to someone. Choose a free one.
problem-extension-taken = Extension { $value } is already used in this enterprise. Type another one.
problem-login-taken = The username { $value } is already used. Set another username under "Advanced".
problem-licence-exhausted = No free "{ $value }" licence: every purchased one is assigned. Purchase more to continue.
problem-user-not-active = Not possible while the user is "{ $value }".
problem-forbidden = Your role does not allow this.
problem-not-found = This no longer exists.
problem-intercept-destination = This user receives the intercepted calls of a deactivated user. Give those calls another destination first.
problem-too-many-numbers = A user has at most 10 alternative numbers.
problem-licences-in-use = That would cancel licences that are assigned.
problem-invalid-state = Not possible in the user's current state.

## Bulk work (B-1, B-2, L-8)
back-to-users = Back to the users
users-import = Import users
users-select = Select
users-select-all = Select every user on this page
bulk-label = With the selected users
bulk-choose = Choose an action…
bulk-apply = Apply
bulk-reset_passwords = Reset portal password
bulk-new_device_passwords = New desk-phone password
bulk-delete = Delete
bulk-reset_passwords-title = { $count ->
    [1] Reset the portal password of one user
   *[other] Reset the portal password of { $count } users
}
bulk-new_device_passwords-title = { $count ->
    [1] A new desk-phone password for one user
   *[other] New desk-phone passwords for { $count } users
}
bulk-delete-title = { $count ->
    [1] Delete one user
   *[other] Delete { $count } users
}
bulk-reset_passwords-consequence = Each user gets an email with a new invitation to set their password; earlier links stop working.
bulk-new_device_passwords-consequence = Each user's desk phone gets a new login; the old password stops working and the phone must be set up again. The new logins are shown once.
bulk-delete-consequence = Each user is deleted with their numbers and licences freed, where the rules allow it (pending users cannot be deleted). This cannot be undone.
bulk-confirm = Confirm
bulk-done = Done
bulk-refused = Refused
bulk-outcome = Outcome
bulk-reason = Why
bulk-internal = Something went wrong on our side; nothing changed for this user.
bulk-summary-done = Done for { $count }.
bulk-summary-refused = Refused for { $count }.
bulk-choose-action = Choose what to do with the selected users.
bulk-none-selected = Select at least one user first.
bulk-too-many = Select at most 1,000 users at a time.
import-title = Import users
import-check-title = Check of the file
import-intro = Add many users at once from a spreadsheet saved as CSV. Every row is checked first; then all rows are imported, or none.
import-step-template = 1. Download the template
import-template = Template (CSV)
import-template-hint = the columns, and an example row starting with #
import-values = Allowed values (CSV)
import-values-hint = what each column takes: your sites, licences with free counts, device types, departments, teams
import-export = Your users (CSV with ;)
import-export-hint = the same columns: edit it, add rows and import it back
import-export-comma = with commas
import-step-upload = 2. Upload your file
import-file = CSV file
import-file-hint = UTF-8, separated by ; or , — at most 128 MiB and 200,000 users. Nothing is written until you confirm.
import-choose-file = Choose a file to upload.
import-check = Check the file
import-running = This page updates itself until the work is done.
import-status-queued = Waiting
import-status-checking = Checking
import-status-writing = Writing
import-status-done = Done
import-status-refused = Refused
import-status-failed = Failed
import-rows = { $count ->
    [1] One row read.
   *[other] { $count } rows read.
}
import-rows-checked = { $count ->
    [1] One row checked so far.
   *[other] { $count } rows checked so far.
}
import-created = { $count ->
    [1] One user created (pending until their phone is activated).
   *[other] { $count } users created (pending until their phones are activated).
}
import-invited = { $count ->
    [1] One invitation sent.
   *[other] { $count } invitations sent.
}
import-would-create = { $count ->
    [1] One user would be created.
   *[other] { $count } users would be created.
}
import-would-invite = { $count ->
    [1] One invitation would be sent.
   *[other] { $count } invitations would be sent.
}
import-unchanged = { $count ->
    [1] One row equals an existing user and is left as it is.
   *[other] { $count } rows equal existing users and are left as they are.
}
import-problems = { $count ->
    [1] One problem found.
   *[other] { $count } problems found.
}
import-nothing-written = Nothing was written. Fix the rows below and upload the file again.
import-more-problems = { $count ->
    [1] …and one more problem, not listed.
   *[other] …and { $count } more problems, not listed.
}
import-problems-caption = Problems, by row and column as your spreadsheet shows them
import-row = Row
import-column = Column
import-value = Value
import-problem = Problem
import-upload-again = Upload the corrected file
import-confirm = Import these users
import-see-users = See the new users
import-upload-broken = The upload could not be read; try again.
import-not-confirmable = This check was imported already, or is older than an hour. Upload the file again.
import-unreadable = The file could not be read.
import-encoding = This is not UTF-8 text: save the file as "CSV UTF-8" and upload it again.
import-malformed = This row cannot be read as CSV: check the quotes.
import-too-many-rows = A file holds at most { $max } users: split it and import the parts one after the other.
import-ragged-row = This row has { $cells } cells and the header { $header }: check the separators and quotes.
import-too-long = A cell holds at most { $max } characters.
import-formula = No value here starts with = + - or @: a spreadsheet would run it as a formula. Write '= to mean the text.
import-empty = The file holds no users: it needs the header row and at least one user.
import-duplicate-column = This column appears twice in the header.
import-unknown-column = This column is not one of the template's.
import-missing-column = The header lacks this column; it is required.
import-required = This column is required; the cell is empty.
import-unknown-reference = This does not exist in your enterprise, or is out of your reach: see the allowed values.
import-duplicate-in-file = Also in row { $earlier } of the file.
import-site-change = An import does not move users to another site; this user keeps their site.
import-device-change = A new desk phone gets new login details that are shown once: change the device on the user's page.
import-user-not-active = This user is { $state }: the number, extension, licences, mobile and contract number change only while active.
import-changed-since-check = This user was changed by someone else since the file was checked: check the file again.
import-updated = { $count ->
    [1] One user changed.
   *[other] { $count } users changed.
}
import-would-update = { $count ->
    [1] One user would be changed.
   *[other] { $count } users would be changed.
}
import-login-taken = This username is already used.
import-extension-taken = This extension is already used in this enterprise.
import-number-taken = This number is already assigned to someone.
import-unknown-number = This number is not in your enterprise's pool.
import-licence-exhausted = The file needs { $need } of this licence and { $free } are free: purchase { $missing } more.
import-too-large = A file holds at most 128 MiB: split it and import the parts one after the other.
import-internal = The import could not run; nothing was written. Try again later.
device-passwords-title = Device passwords
device-passwords-intro = New desk-phone passwords for every user of a site, at once: for example after a phone was lost or when a site moves to new phones. The new login details come as a CSV file that can be downloaded once.
device-passwords-mode = New passwords
device-passwords-generated = A different generated password for each user (recommended)
device-passwords-own = One password I choose, for all of them
device-passwords-password = Password for all
device-passwords-password-hint = Only when you choose one password: at least 12 characters, hard to guess.
device-passwords-understood = I understand that the current desk-phone passwords of this site stop working at once.
device-passwords-confirm-first = Confirm that the current passwords may stop working.
device-passwords-renew = Renew the desk-phone passwords
device-passwords-issued = { $count ->
    [1] One user has a new desk-phone password.
   *[other] { $count } users have new desk-phone passwords.
}
device-passwords-skipped = { $count ->
    [1] One enterprise administrator was left out (a site administrator does not change them).
   *[other] { $count } enterprise administrators were left out (a site administrator does not change them).
}
device-passwords-once = Download the file now: the link works once, for 10 minutes. The passwords are not kept anywhere else.
device-passwords-download = Download the login details (CSV)
device-passwords-gone = This download link was used already or has expired (it works once, for 10 minutes). Run the device password manager again for new login details.
error-hex-like = Some phones read a password starting with 0x as a hexadecimal key; choose another.

## Groups (G-1, G-3)
nav-groups = Groups
groups-title = Groups
groups-intro = Hunt groups ring their members when their extension is called; in a call pickup group members answer each other's ringing phones; in a call park group they park calls for each other.
groups-kinds = Kinds of group
groups-all = All
groups-none = No groups yet.
group-kind = Kind
group-kind-hunt = Hunt group
group-kind-pickup = Call pickup group
group-kind-park = Call park group
group-kind-hunt-meaning = Calls to its extension ring its members, who must be active users.
group-kind-pickup-meaning = Members answer each other's ringing phones; a user is in at most one pickup group.
group-kind-park-meaning = Members park calls for each other; a parked call rings back after the recall time.
group-name = Name
group-members = Members
group-new = New group
group-create = Create group
group-extension-hint = Hunt groups, call centres and auto attendants only: the extension that calls it, not used by anyone else.
group-settings = Settings
group-ring-policy = Ring policy
ring-policy-simultaneous = All members at once
ring-policy-sequential = One after the other, from the first
ring-policy-circular = One after the other, from the next after the last who answered
ring-policy-uniform = The member idle longest first
ring-policy-weighted = At random, by weight
group-no-answer = Forward after (seconds)
group-no-answer-hint = 5 to 180 seconds without an answer.
group-forward-to = When nobody answers, forward to
group-forward-to-hint = An extension or a number like +493012345678; empty: the caller hears busy.
group-recall = Ring back after (seconds)
group-recall-hint = 30 to 600 seconds: a parked call nobody picks up rings back whoever parked it.
group-no-members = No members yet.
group-members-hunt-hint = In ring order. Only active users can be members (pending, failed or deactivated users cannot take calls).
group-move-up = Move up
group-add-member = Add a member: find a person
group-add-member-hint = By name, extension or email, among the users of this group’s site.
group-no-such-extension = No user of this site has extension { $value }.
group-delete = Delete group
group-delete-confirm = Yes, delete this group (its members stay users).
group-created = The group was created.
group-saved = The group's settings were saved.
group-deleted = The group was deleted.
group-member-added = The member was added.
group-member-removed = The member was removed from the group.
group-members-saved = The ring order was saved.
group-changed-meanwhile = Someone changed this group meanwhile; here it is as it is now.
group-confirm-delete = Tick the box to confirm the deletion.
user-groups = Groups
user-no-groups = In no group.
user-leave-group = Remove from group
delete-leaves-groups = Leaves these groups (their other members stay): { $value }.
problem-in-another-pickup-group = This user is in another call pickup group already; a user is in at most one.
problem-name-taken = This name is taken already: choose another.
error-not-applicable = This kind of group has no such setting.
error-other-site = This user belongs to another site.

## Inbox (L-4, G-5)
nav-inbox = Inbox
inbox-title = Inbox
inbox-unread = unread
inbox-none = No messages.
inbox-new = new
inbox-mark-read = Mark all as read
inbox-read = All messages are marked as read.
inbox-category-information = Information
inbox-category-warning = Warning
inbox-category-urgent = Urgent
inbox-group-member-deleted-subject = A member of your group was deleted
inbox-group-member-deleted = { $name } was deleted and is no longer in the { $kind } "{ $group }".

## Broadcasts (G-5)
nav-broadcasts = Broadcasts
broadcasts-title = Broadcast messages
broadcasts-intro = A message to every member of one or more teams, in their portal inbox and, if you choose, by email — now or at a time you set.
broadcast-new = New broadcast
broadcast-no-teams = There are no teams yet: broadcasts go to teams.
broadcast-teams = Teams
broadcast-category = Category
broadcast-subject = Subject
broadcast-body = Message
broadcast-send-at = Send at
broadcast-send-at-hint = Your local time ({ $zone }); leave empty to send now.
broadcast-by-email = Also send it by email
broadcast-send = Send
broadcasts-sent = Sent and scheduled
broadcasts-none = No broadcasts yet.
broadcast-status = Status
broadcast-recipients = Recipients
broadcast-status-scheduled = Scheduled
broadcast-status-sent = Sent
broadcast-scheduled = The broadcast is scheduled; it is delivered at its time.
error-in-the-past = This time has passed; choose a later one, or none to send now.
error-invalid-time = A time of day, 00:00 to 23:59.

## Call services (S-1, S-4)
nav-services = My call services
services-title = Call services
user-services = Call services (user's view)
services-acting-as-admin = You are acting as an administrator in { $name }'s own view: what you change here is recorded as your change.
services-back-to-site-view = Back to the site view
services-forwarding = Call forwarding
services-destination-hint = An extension or a number like +493012345678; empty: off.
services-forward-always = Forward every call to
services-forward-busy = When busy, forward to
services-forward-no-answer = When not answered, forward to
services-forward-unreachable = When unreachable, forward to
services-forward-rings = Rings before forwarding an unanswered call
services-simultaneous = Simultaneous ring
services-simultaneous-on = Ring these destinations along with my phone
services-simultaneous-destinations = Destinations
services-simultaneous-hint = One per line, at most 10: extensions or numbers.
services-incoming = Incoming calls
services-dnd = Do not disturb (callers hear busy or reach voicemail)
services-reject-anonymous = Reject calls from withheld numbers
services-voicemail = Voicemail
services-voicemail-on = Voicemail answers calls I do not take
services-voicemail-rings = Rings before voicemail answers (2–10)
services-voicemail-pin = Voicemail PIN
services-pin-set = A PIN is set; type a new one to change it.
services-pin-hint = 4 to 8 digits, not 0000, 1234 or your extension.
services-voicemail-email = Tell me of new messages at this email address
services-saved = The call services were saved.
error-weak-pin = This PIN is the first a caller would try; choose another.
error-invalid-pin = A PIN has 4 to 8 digits.
error-too-many = That is more than allowed.

## Organisation (G-4)
nav-organisation = Organisation
organisation-title = Departments and teams
organisation-intro = A user belongs to at most one department, which must exist first, and to any number of teams. Each name leads to its members.
organisation-departments = Departments
organisation-teams = Teams
organisation-none = None yet.
department-new = New department
team-new = New team
organisation-enterprise-admins-add = Enterprise administrators add departments and teams.
department-created = The department was added.
team-created = The team was added.
organisation-leads-hint = A team's leads (users with the team lead role) see its members under My teams.
organisation-lead = Lead
organisation-add-lead = Add a lead by extension
team-leads-saved = The team's leads were saved.
nav-my-teams = My teams
my-teams-title = My teams
my-teams-none = You lead no team.
error-not-a-team-lead = This user does not have the team lead role; give it to them first.
services-caller-id = Number callers see
services-caller-id-own = My own number
services-caller-id-withheld = Withheld
error-not-held = Only the user's own number, one of their alternative numbers, or withheld.

# G-2: call centres and campaigns
group-kind-call_centre = Call centre
group-kind-call_centre-meaning = Calls to its extension wait in a queue for its agents, who must be active users; supervisors watch the queue.
group-agents = Agents
group-agents-hint = In the order calls are offered. Only active users can be agents (pending, failed or deactivated users cannot take calls).
group-queue-length = Queue length (calls)
group-queue-length-hint = 1 to 50 calls wait for an agent; the next caller goes to the overflow destination.
group-overflow-to = When the queue is full, send calls to
group-overflow-to-hint = An extension or a number like +493012345678; empty: the caller hears busy.
group-supervisors = Supervisors
group-supervisors-hint = Any user of the enterprise, in any state. The supervisor tools need the Supervisor add-on.
group-no-supervisors = No supervisors yet.
group-add-supervisor = Add a supervisor: find a person
group-add-supervisor-hint = By name, extension or email, among the users of every site of the enterprise.
group-no-such-user-extension = No user has extension { $value }.
group-campaigns = Campaigns
group-campaigns-hint = Inbound or outbound campaigns of this call centre, each with agents from the agents above.
group-campaign-no-agents = Add agents to the call centre first; then assign them here.
group-campaign-agents = Assigned agents
group-campaign-save-agents = Save agents
group-campaign-delete = Delete campaign
group-campaign-delete-confirm = Yes, delete this campaign (its agents stay agents of the call centre).
group-campaign-new = New campaign
group-campaign-direction = Direction
group-campaign-create = Create campaign
campaign-direction-inbound = Inbound
campaign-direction-outbound = Outbound
group-supervisor-added = The supervisor was added.
group-supervisor-removed = The supervisor was removed.
campaign-created = The campaign was created.
campaign-agents-saved = The campaign's agents were saved.
campaign-confirm-delete = Tick the box to confirm the deletion of the campaign.
campaign-deleted = The campaign was deleted.
users-col-campaigns = Campaigns
users-filter-group = Group
error-not-an-agent = This user is not an agent of the campaign's call centre; add them there first.
problem-not-a-call-centre = Only call centres have supervisors and campaigns.

# G-6: auto attendants
group-kind-auto_attendant = Auto attendant
group-kind-auto_attendant-meaning = Answers calls to its extension with a greeting and sends callers on by the key they press; in business hours and out of hours by different menus.
aa-business-hours = Business hours
aa-business-hours-hint = In the site's local time. Outside these hours the out-of-hours menu answers.
aa-opens = Opens at
aa-closes = Closes at
aa-business-menu = Menu in business hours
aa-after-hours-menu = Menu out of hours
aa-destination-hint = For each key: an extension (a user, hunt group, call centre or another auto attendant), "voicemail 602" for a user's voicemail, or a number like +493012345678. Leave empty for no action.
aa-key = Key
aa-destination = Destination
aa-no-input = When the caller presses nothing, send them to
weekday-1 = Monday
weekday-2 = Tuesday
weekday-3 = Wednesday
weekday-4 = Thursday
weekday-5 = Friday
weekday-6 = Saturday
weekday-7 = Sunday
error-invalid-menu-destination = An extension (602), a user's voicemail (voicemail 602) or a number in international form (+493012345678).
error-unknown-destination = No user or group has this extension.
error-invalid-key = Keys are 0 to 9, * and #.
error-invalid-days = Days are Monday to Sunday, each once.
error-closes-before-opening = Business hours close after they open.
problem-menu-loop = These menus would send callers round in a circle between auto attendants. Choose another destination.
problem-in-use = { $what } is in use by { $by }; change that first.
problem-no-members = An auto attendant has no members: its menus send callers on.

# S-5: soft clients
soft-clients = Soft clients
soft-clients-hint = The phone app on a mobile or a computer rings with the desk phone. Setting one up shows a QR code to scan in the app; it works once, for a day, and never contains the password.
soft-clients-none = No soft client is set up yet.
soft-client-set-up-mobile = Set up the mobile app
soft-client-set-up-desktop = Set up the desktop app
soft-client-title = Set up a soft client
soft-client-intro-mobile = Open the phone app on the mobile and scan this code, or open the link on the mobile. The app then signs in with its own login.
soft-client-intro-desktop = Open the phone app on the computer and scan this code or paste the link. The app then signs in with its own login.
soft-client-mobile = Mobile app
soft-client-desktop = Desktop app
soft-client-once = This code is shown only now and works once. A new code replaces this one; setting the app up again gives it a new password.
soft-client-qr-label = QR code of the provisioning link
soft-client-link = Provisioning link
soft-client-expires = Works until
problem-link-used = This provisioning link was used already; each works once. Ask for a new one.
problem-link-expired = This provisioning link has expired. Ask for a new one.

# S-2: services only administrators set
services-admin-only = Set by administrators only
services-admin-only-hint = The user sees these on their page but cannot change them.
services-mobility = Mobility: the mobile rings with the desk phone
services-mobility-number = Mobile number that rings along
services-shared-lines = Other users' lines on this phone
services-shared-lines-hint = Extensions, one per line (at most 10): for example an assistant answering an executive's line.
services-override-site-forwarding = The site's call forwarding does not apply to this user
services-network-class = Network class of service
services-set-by-admin = Set by your administrator
network-class-internal_only = Internal calls only (and emergency numbers)
network-class-national = National calls
network-class-international = National and international calls
network-class-unrestricted = All calls, premium-rate numbers included
off = Off
none = None
inbox-shared-line-removed-subject = A shared line was removed
inbox-shared-line-removed = { $name } (extension { $extension }) was deleted; their line no longer appears on your phone.
error-admin-only = Only an administrator sets this service.
error-own-line = A user's own line is on their phone already.

# S-1, S-3, G-6: greetings
greeting-hint = A WAV or MP3 file of at most 5 MB. Without one, callers hear the standard greeting.
greeting-voicemail = Voicemail greeting
greeting-business = Greeting in business hours
greeting-after-hours = Greeting out of hours
greeting-remove = Remove the greeting
greeting-default = The standard greeting plays.
greeting-file = Audio file (WAV or MP3)
greeting-upload = Upload greeting
greeting-uploaded = uploaded
greeting-saved = The greeting was uploaded.
greeting-removed = The greeting was removed; the standard greeting plays.
greeting-too-large = That file is larger than 5 MB. Choose a shorter recording.
greeting-not-audio = That is not a WAV or MP3 file. Choose an audio file.
error-unsupported-audio = This is not a WAV or MP3 file.
error-too-large = This file is too large.

# S-3: virtual users' call services
group-services = Call services
group-services-hint = Like a user's: voicemail for callers nobody answers, and forwarding of every call (hunt groups and call centres).

# S-1: voicemail messages
voicemails = Voicemail messages
voicemails-none = No voicemail messages.
voicemail-caller = Caller
voicemail-received = Received
voicemail-duration = Length
voicemail-new = New
voicemail-mark-heard = Mark as heard
voicemail-delete = Delete
voicemail-delete-confirm = Yes, delete
voicemail-anonymous = Withheld number
voicemail-heard = The message is marked as heard.
voicemail-deleted = The message was deleted.
voicemail-confirm-delete = Tick "Yes, delete" to delete the message.

# U-9: pictures
picture-title = Picture
picture-hint = A PNG, JPEG or WebP image of at most 5 MB. It is cut to a square from its middle and made small.
picture-none = No picture yet: the initials stand in for it.
picture-file = Image file (PNG, JPEG or WebP)
picture-upload = Upload picture
picture-remove = Remove the picture
picture-saved = The picture was saved.
picture-removed = The picture was removed.
picture-too-large = That file is larger than 5 MB. Choose a smaller image.
picture-not-image = That is not a PNG, JPEG or WebP image that can be read. Choose another file.

# G-1, S-6: numbers held by groups and sites
group-number = Number (optional)
group-number-hint = A free number of the pool that callers dial to reach it from outside, besides its extension. Empty: none.
main-numbers = Sites' main numbers
main-numbers-hint = A site's main number comes from the pool; its users may show it to the people they call instead of their own. Empty the field to give it back.
main-number-remove = Give the main number back
main-number-saved = The main number was saved.
main-number-removed = The main number went back to the pool; users who showed it show their own number again.
numbers-pool = Number pool
number-usage-group = (group number)
number-usage-site-main = (main number of the site)
services-caller-id-site = The site's main number
group-weight = Weight
group-weight-save = Save weight

# The start page (what needs attention), the header's menu and search, events in words
menu = Menu
header-search-label = Find a person by name, extension or number
header-search-placeholder = Name, extension or number
header-search-go = Find
home-attention = Needs attention
home-all-clear = Nothing needs attention.
home-failed = Users whose activation failed: { $count }
home-pending = Users waiting for activation: { $count }
home-failed-push = { $name }: the phone system does not have the latest change
home-licence-none = { $name }: none free — purchase more
home-licence-low = { $count ->
    [one] { $name }: only one free
   *[other] { $name }: only { $count } free
}
home-numbers-free = Free numbers in the pool: { $count }
home-numbers-low = Free numbers are running out: { $count } left
home-actions = Quick actions
home-action-add-user = Add user
home-action-import = Import users
home-action-device-passwords = New device passwords
home-action-groups = Groups
home-action-services = My call services
home-action-inbox = My inbox
home-action-security = My sign-in security
home-action-my-teams = My teams
home-action-enterprises = { $count ->
    [one] One enterprise
   *[other] All { $count } enterprises
}
home-recent = Recent changes
home-recent-all = The whole audit log
home-threshold-title = When to warn about licences and numbers
home-threshold-label = Warn when fewer than this are free
home-threshold-hint = A whole number from 0 to 100000. With 0, only licence types with none free are shown.
home-threshold-save = Save
home-threshold-saved = The warning threshold is saved.
event-other = Change
actor-token = API token “{ $name }”
actor-cli = Command line
actor-anonymous = Someone not signed in
actor-system = Switchboard
month-short-1 = Jan
month-short-2 = Feb
month-short-3 = Mar
month-short-4 = Apr
month-short-5 = May
month-short-6 = Jun
month-short-7 = Jul
month-short-8 = Aug
month-short-9 = Sep
month-short-10 = Oct
month-short-11 = Nov
month-short-12 = Dec
event-account-invitation-accepted = Invitation accepted
event-account-invited = Invitation sent
event-account-locked = Sign-in locked after failed attempts
event-account-password-accepted = Password accepted
event-account-password-changed = Password changed
event-account-password-reset = Password reset
event-account-password-reset-requested = Password reset requested
event-account-password-set = Password set
event-account-sign-in-failed = Sign-in failed
event-account-signed-in = Signed in
event-account-signed-out = Signed out
event-account-signed-out-everywhere = Signed out everywhere
event-account-totp-disabled = Authenticator app turned off
event-account-totp-enabled = Authenticator app turned on
event-account-two-step-failed = Two-step code refused
event-account-two-step-required = Two-step sign-in asked for
event-account-two-step-voided = Two-step sign-in abandoned
event-broadcast-scheduled = Broadcast scheduled
event-broadcast-sent = Broadcast sent
event-campaign-agents-changed = Campaign agents changed
event-campaign-created = Campaign created
event-campaign-deleted = Campaign deleted
event-department-created = Department created
event-device-type-created = Device type added
event-enterprise-created = Enterprise created
event-enterprise-updated = Enterprise changed
event-greeting-removed = Greeting removed
event-greeting-uploaded = Greeting uploaded
event-group-created = Group created
event-group-deleted = Group deleted
event-group-members-changed = Group members changed
event-group-services-changed = Group call services changed
event-group-supervisors-changed = Supervisors changed
event-group-updated = Group changed
event-job-retried = Background task retried
event-licence-purchased = Licences purchased
event-licence-type-created = Licence type added
event-numbers-loaded = Numbers loaded
event-provisioning-resynced = Phone system brought in step
event-site-created = Site created
event-site-main-number-changed = Site main number changed
event-soft-client-link-issued = Soft client set-up link issued
event-soft-client-provisioned = Soft client set up
event-team-created = Team created
event-team-leads-changed = Team leads changed
event-token-created = API token created
event-token-revoked = API token revoked
event-user-activated = User activated
event-user-activation-failed = Activation failed
event-user-activation-retried = Activation retried
event-user-alternative-number-added = Alternative number added
event-user-alternative-number-removed = Alternative number removed
event-user-created = User added
event-user-deactivated = User deactivated
event-user-deleted = User deleted
event-user-picture-removed = Picture removed
event-user-picture-set = Picture changed
event-user-reactivated = User reactivated
event-user-services-changed = Call services changed
event-user-sip-credentials-renewed = New desk-phone login details
event-user-updated = User changed
event-users-imported = Users imported
event-voicemail-deleted = Voicemail message deleted
channel-api = API
channel-portal = Portal
channel-cli = Command line
channel-scim = Directory sync (SCIM)
channel-import = Import
channel-system = Switchboard

# The audit log in words
audit-event = Kind of event
audit-event-any = Every kind
audit-who-hint = The person’s username.
audit-from = From
audit-to = To
audit-subject-chip = Changes to { $name }
audit-subject-unnamed = this item
audit-times-hint = Times in { $zone }.
audit-details = Details
audit-value-none = (none)
yes = Yes
no = No
field-alternative-numbers = Alternative numbers
field-activated-at = Activated
field-deactivated-at = Deactivated
field-no-answer-seconds = Rings before moving on (seconds)
field-forward-to = Forward destination
field-queue-length = Queue length
field-recall-seconds = Recall after (seconds)
error-invalid-date = A date is written YYYY-MM-DD, e.g. 2026-12-24.
error-invalid-range = The last day cannot be before the first.
error-invalid-destination-queue = The destination must be a call-centre queue of the same site.
error-one-destination = Choose one destination: a user or a call-centre queue.
event-site-updated = Site changed

# Where a site is (time zone, country, language)
organisation-sites = Sites
organisation-sites-hint = Times are shown and broadcasts sent in a site’s time zone; numbers typed in national form are read by its country; the phone system speaks its language. A site without its own takes the enterprise’s.
site-time-zone = Time zone
site-country = Country
site-language = Language
site-change = Change
site-inherited = { $value } (the enterprise’s)
site-enterprise-default = The enterprise’s: { $value }
site-no-country = No country
site-title = Where { $name } is
site-intro = Choose the site’s own time zone, country and language, or keep the enterprise’s.
site-saved = The site is saved.
back-to-organisation = Back to the organisation
error-invalid-time-zone = Choose a time zone from the list.
error-invalid-country = Choose a country from the list.
country-at = Austria
country-be = Belgium
country-ch = Switzerland
country-cz = Czechia
country-de = Germany
country-dk = Denmark
country-es = Spain
country-fi = Finland
country-fr = France
country-gb = United Kingdom
country-ie = Ireland
country-it = Italy
country-lu = Luxembourg
country-nl = Netherlands
country-no = Norway
country-pl = Poland
country-pt = Portugal
country-se = Sweden
country-us = United States
country-ca = Canada

# The people picker
picker-search = Search
picker-none = Nobody found: try part of a name, or an extension.
picker-already-in = Already in
picker-not-active = Not offered: { $state } — a hunt group or call centre takes active users only.
picker-in-another-pickup-group = Not offered: in the call pickup group { $name } already (a user is in at most one).
download = Download
recovery-file-name = switchboard-recovery-codes.txt

# Two-step sign-in of a user (K-1)
user-sign-in-security = Sign-in security
user-two-step-off = Two-step sign-in is not required.
user-two-step-code = Two-step sign-in is required: a code is sent to the personal contact at each sign-in.
user-two-step-app = Two-step sign-in with an authenticator app is set up.
user-two-step-require = Require two-step sign-in
user-two-step-release = Stop requiring two-step sign-in
user-two-step-required = Two-step sign-in is now required; the user’s sessions were ended.
user-two-step-released = Two-step sign-in is no longer required.

# Departments and teams (G-4)
organisation-members = Members
organisation-leads = Leads
organisation-people = People: { $count }
unit-manage = Manage
unit-title = Department or team
unit-name = Name
unit-rename = Rename
unit-people-in-list = Its people in the users list
unit-delete-title = Delete
unit-delete-hint = Only while nobody is in it (and, for a team, nobody leads it and no broadcast was sent to it); otherwise the page says who is.
unit-delete = Delete { $name }
unit-renamed = The name is saved.
unit-deleted = It was deleted.
team-member-added = The member was added to the team.
team-member-removed = The member was removed from the team.
team-add-member = Add a member: find a person
team-add-member-hint = By name, extension or email.
team-add-lead = Name a lead: find a person
team-add-lead-hint = A user without the team lead role is given it.
team-add-lead-with-role = Add, giving the team lead role
picker-administrator-role = Not offered: an administrator (a lead has the team lead role).
event-department-renamed = Department renamed
event-department-deleted = Department deleted
event-team-renamed = Team renamed
event-team-deleted = Team deleted
in-use-more = { $names } and { $more } more
problem-team-has-broadcasts = Broadcasts were sent to this team; it stays for their history.
broadcast-sent = The broadcast is on its way to the members’ inboxes.
error-invalid-forward-destination = An extension of this enterprise, or a number in international form (+49…).
aa-reaches = Reaches
aa-reaches-number = the number { $value }
aa-reaches-voicemail = the voicemail of { $name }
aa-reaches-nobody = nobody of this enterprise has this extension
device-passwords-site = { $name } — users: { $count }
