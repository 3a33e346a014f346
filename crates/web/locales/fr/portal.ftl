app-name = Switchboard
skip-link = Aller au contenu
nav-home = Accueil
nav-security = Sécurité
language = Langue
sign-out = Se déconnecter
errors-summary = Il y a un problème
# Entre le nom d’un champ et l’erreur : espace fine insécable avant les deux-points.
label-separator = {"\u202F"}:{" "}
continue = Continuer

sign-in-title = Se connecter
login-name = Identifiant
password = Mot de passe
sign-in-button = Se connecter
forgot-link = Mot de passe oublié ?
sign-in-failed = L’identifiant ou le mot de passe n’est pas correct.
session-expired = Votre session a pris fin. Connectez-vous à nouveau.

two-step-title = Connexion en deux étapes
two-step-totp-hint = Saisissez le code à 6 chiffres que votre application d’authentification affiche, ou l’un de vos codes de récupération.
two-step-email-hint = Nous avons envoyé un code à 6 chiffres par e-mail à votre contact personnel. Il est valable 10 minutes.
two-step-sms-hint = Nous avons envoyé un code à 6 chiffres par SMS à votre contact personnel. Il est valable 10 minutes.
code = Code
challenge-voided = Trop de codes erronés. Connectez-vous à nouveau pour en recevoir un nouveau.

password-change-title = Changer votre mot de passe
password-change-forced = Avant de continuer, choisissez un nouveau mot de passe.
current-password = Mot de passe actuel
new-password = Nouveau mot de passe
password-hint = Au moins 12 caractères. Quelques mots sans rapport font un mot de passe solide ; votre nom, votre e-mail et « Switchboard » ne comptent pas.
change-password = Changer le mot de passe
password-changed = Votre mot de passe a été changé. Vos autres sessions ont été fermées.

forgot-title = Mot de passe oublié
forgot-hint = Indiquez votre identifiant : nous envoyons un lien pour choisir un nouveau mot de passe à l’adresse e-mail du compte.
send-link = Envoyer le lien
forgot-sent = Si ce compte existe, un lien est en route vers son adresse e-mail. Il ne sert qu’une fois, pendant 60 minutes.
reset-title = Choisir un nouveau mot de passe
invitation-title = Bienvenue, { $name }
invitation-hint = Choisissez le mot de passe de votre compte Switchboard { $login }.
set-password = Enregistrer le mot de passe
link-expired = Ce lien a expiré ou a déjà servi. Demandez-en un nouveau.
password-set = Votre mot de passe est enregistré. Connectez-vous avec.

home-title = Bienvenue, { $name }
home-intro = Vous êtes connecté au portail Switchboard.
home-role = Rôle
home-enterprise = Entreprise
home-login = Identifiant
home-email = E-mail
role-user = Utilisateur
role-team_lead = Chef d’équipe
role-site_admin = Administrateur de site
role-enterprise_admin = Administrateur d’entreprise
role-operator = Opérateur (fournisseur)

security-title = Sécurité
security-password = Mot de passe
security-two-step = Connexion en deux étapes
security-totp-on = Une application d’authentification est configurée. Codes de récupération restants : { $count }.
security-totp-off = Aucune application d’authentification n’est configurée.
security-two-step-required = Votre administrateur exige la connexion en deux étapes. Sans application, chaque connexion envoie un code à votre contact personnel.
totp-start = Configurer une application d’authentification
totp-scan = Scannez ce code avec votre application d’authentification, ou saisissez-y la clé ci-dessous. Saisissez ensuite le code à 6 chiffres qu’elle affiche.
totp-key = Clé
totp-confirm = Activer
totp-disable = Désactiver l’application d’authentification
totp-enabled = L’application d’authentification est activée. Vos autres sessions ont été fermées.
totp-disabled = L’application d’authentification est désactivée. Vos autres sessions ont été fermées.
recovery-title = Vos codes de récupération
recovery-hint = Conservez ces codes en lieu sûr. Si vous perdez votre téléphone, chacun remplace une fois un code de l’application. Ils ne sont affichés que maintenant.
security-sessions = Sessions
sign-out-everywhere = Se déconnecter partout
sign-out-everywhere-hint = Ferme toutes les sessions de votre compte, sur tous les appareils, celle-ci comprise.
signed-out = Vous êtes déconnecté.
signed-out-everywhere = Vous êtes déconnecté sur tous les appareils.
sign-in-again = Pour ce changement, reconnectez-vous d’abord.

error-title = Une erreur s’est produite
error-text = La page n’a pas pu être affichée. Réessayez ; si cela se reproduit, donnez cette référence à votre administrateur : { $reference }
not-found-title = Page introuvable
not-found-text = Il n’y a rien à cette adresse.
csrf-failed = Ce formulaire a expiré. Rechargez la page et envoyez-le à nouveau.
back-home = Retour à l’accueil

error-required = Ce champ est obligatoire.
error-password-too-short = Le mot de passe doit comporter au moins 12 caractères.
error-password-too-long = Le mot de passe peut comporter au plus 256 caractères.
error-password-too-weak = Ce mot de passe est trop facile à deviner. Quelques mots sans rapport en font un solide ; laissez de côté votre nom et votre e-mail.
error-password-unchanged = Choisissez un mot de passe différent de l’actuel.
error-wrong-password = Ce n’est pas votre mot de passe actuel.
error-wrong-code = Ce code n’est pas correct ou a déjà servi. Saisissez le code actuel.

nav-tokens = Jetons d’API
tokens-title = Jetons d’API personnels
tokens-hint = Un jeton permet à un script d’utiliser l’API en votre nom, avec votre rôle – jamais plus. Il cesse de fonctionner si vous êtes désactivé ou supprimé.
tokens-none = Vous n’avez aucun jeton d’API.
token-name = Nom
token-created = Créé
token-last-used = Dernière utilisation
token-expires = Expire
token-never = jamais
token-revoke = Révoquer
token-revoked = révoqué
token-new = Nouveau jeton
token-days = Valable (jours)
token-create = Créer le jeton
token-created-title = Votre nouveau jeton d’API
token-shown-once = Copiez ce jeton maintenant : il n’est affiché que cette fois. Envoyez-le comme « Authorization: Bearer … ».
token-revoked-flash = Le jeton a été révoqué.

## Administration (seeds 000–004)
nav-users = Configurer les utilisateurs
nav-licences = Licences
nav-numbers = Numéros
nav-audit = Journal d’audit
security-tokens-link = Gérer vos jetons d’API personnels
switcher-label = Où vous travaillez
switcher-site = Site
switcher-all-sites = Tous les sites
switcher-go = Changer
switcher-change-enterprise = changer d’entreprise
enterprises-title = Entreprises
enterprises-hint = Choisissez l’entreprise dans laquelle travailler.
enterprises-none = Il n’y a encore aucune entreprise.
enterprise-name = Entreprise
enterprise-open = Travailler dans cette entreprise
sip-domain = Domaine SIP
forbidden-title = Non disponible
forbidden-admin-only = Ces pages sont réservées aux administrateurs. Vos propres paramètres se trouvent sous Sécurité.
audit-forbidden = Le journal d’audit est réservé aux administrateurs d’entreprise et aux opérateurs.
add = Ajouter
remove = Retirer
save = Enregistrer les modifications
cancel = Annuler
copy = Copier
copied = Copié
print = Imprimer
back-to-user = Retour à l’utilisateur

users-title = Gestion des utilisateurs
users-add = Ajouter un utilisateur
users-search = Rechercher
users-search-hint = Nom, e-mail ou poste. Les résultats se mettent à jour pendant la saisie.
users-filter-any = Tous
users-apply = Appliquer
users-active-filters = Filtres actifs
users-remove-filter = Retirer le filtre
users-refresh = Actualiser
users-none = Aucun utilisateur ne correspond.
users-pages = Pages
users-first-page = Première page
users-next-page = Page suivante
users-columns = Colonnes
users-columns-hint = Afficher ces colonnes
users-columns-save = Enregistrer les colonnes
columns-saved = Votre choix de colonnes est enregistré.
users-col-name = Nom
users-col-login = Nom d’utilisateur
users-col-email = E-mail
users-col-extension = Poste
users-col-number = Numéro
users-col-role = Rôle
users-col-teams = Équipes
users-col-groups = Groupes
users-col-department = Service
users-col-contact = Contact personnel
users-col-state = État
users-col-site = Site
users-col-licence = Licence
users-col-device = Type d’appareil

state-pending = En attente
state-active = Actif
state-failed = Échec de l’activation
state-deactivated = Désactivé
state-pending-meaning = Peut passer des appels mais pas en recevoir tant que le numéro n’est pas activé.
state-active-meaning = Peut passer et recevoir des appels.
state-failed-meaning = Le numéro n’a pas pu être activé : peut passer des appels mais pas en recevoir. Un opérateur peut relancer l’activation.
state-deactivated-meaning = Ne peut pas utiliser le téléphone. Les appelants entendent un message et sont renvoyés vers la destination d’interception.
language-en = Anglais
language-de = Allemand
language-fr = Français

user-new-title = Ajouter un utilisateur
user-duplicate-of = Une copie de { $name } : le site, le rôle, les licences, le type d’appareil, le service et les équipes sont repris ; le nom, l’e-mail, les numéros et les identifiants de connexion ne le sont pas.
user-section-person = Personne
user-section-telephony = Téléphonie
user-section-organisation = Rôle et organisation
user-section-sign-in = Connexion au portail
user-section-configuration = Configuration
user-choose = Choisir…
user-none = Aucun
user-site-hint = Le site auquel appartient l’utilisateur.
user-first-name = Prénom
user-last-name = Nom
user-email = E-mail
user-email-hint = C’est aussi le nom d’utilisateur pour la connexion, sauf si vous en définissez un autre ci-dessous.
user-email-change-hint = Prend effet immédiatement ; un nom d’utilisateur qui était l’e-mail change avec lui.
user-language = Langue
user-contact = Contact personnel
user-contact-hint = Une adresse e-mail ou un numéro de mobile pour les codes de connexion. Facultatif, sauf si la connexion en deux étapes est exigée.
user-package = Type de licence
user-package-hint = Chaque utilisateur de téléphonie a besoin d’une licence de forfait.
user-addons = Options
user-addons-hint = Superviseur : nécessaire uniquement pour les superviseurs qui utilisent les outils de supervision d’un centre d’appels. Tout le monde peut être superviseur sans cette option.
user-number = Numéro de téléphone
user-number-hint = Parmi les numéros libres de l’entreprise : tapez pour rechercher.
user-number-change-hint = Un nouveau numéro libère immédiatement l’ancien.
user-extension = Poste
user-extension-hint = Chiffres uniquement. Si le champ reste vide, les derniers chiffres du numéro sont utilisés.
user-extension-length = Longueur : { $value } chiffres.
user-device = Type d’appareil
user-device-hint = « Sans téléphone de bureau » nécessite un numéro de mobile et un numéro de contrat.
user-device-change-hint = Un nouvel appareil reçoit de nouveaux identifiants de connexion, affichés une seule fois.
user-mobile = Numéro de mobile
user-mobile-hint = Numéro mobile chez l’opérateur, par ex. +491701234567.
user-contract = Numéro de contrat
user-contract-hint = Le numéro du contrat mobile.
user-role-hint = Ce que l’utilisateur peut faire dans ce portail.
user-department-hint = Les services sont créés par l’administrateur d’entreprise.
user-password-mode = Mot de passe du portail
user-password-invite = Envoyer une invitation : l’utilisateur choisit son mot de passe
user-password-set = Définir un mot de passe maintenant
user-password = Mot de passe
user-password-hint = Au moins 12 caractères ; quelques mots sans rapport font un mot de passe solide.
user-must-change = Doit être changé à la première connexion
user-two-step = Exiger la connexion en deux étapes
user-advanced = Avancé : nom d’utilisateur
user-login = Nom d’utilisateur
user-login-hint = Seulement s’il doit être différent de l’e-mail.
user-create = Ajouter un utilisateur
licence-free = Libres : { $count }
licence-none-free = Aucune licence libre
licence-none-free-text = Toutes les licences de forfait achetées sont attribuées. Achetez-en d’autres avant d’ajouter des utilisateurs.

sip-login-title = Identifiants du téléphone de bureau
sip-login-created = { $name } a été ajouté. Saisissez ces identifiants dans le téléphone de bureau ou le softphone.
sip-login-renewed = Nouveaux identifiants pour { $name }. L’ancien mot de passe ne fonctionne plus.
sip-login-once = Affichés une seule fois : copiez-les ou imprimez-les maintenant.
sip-login-none = Aucun identifiant n’a été émis.
sip-username = Nom d’utilisateur
sip-password = Mot de passe

user-title = Utilisateur
user-actions = Actions
user-edit = Modifier
user-edit-title = Modifier { $name }
user-details = Détails
user-created = Créé
user-intercept = Les appels sont interceptés
user-push-retrying = Le système téléphonique n'a pas encore pris en compte la dernière modification ; elle sera réessayée sous peu. Motif : { $error }
user-push-failed = Le système téléphonique n'a pas pris en compte la dernière modification : les téléphones peuvent ne pas se comporter comme l'indique cette page. Un opérateur peut la relancer depuis la liste des tâches. Motif : { $error }
user-sip-login = Nouveaux identifiants
user-sip-login-title = Nouveaux identifiants pour { $name }
sip-login-consequence = Le mot de passe actuel du téléphone de bureau cesse immédiatement de fonctionner ; les nouveaux identifiants sont affichés une seule fois.
user-deactivate = Désactiver l’utilisateur
user-deactivate-title = Désactiver { $name }
user-reactivate = Réactiver l’utilisateur
user-retry = Relancer l’activation
user-invite = Envoyer une nouvelle invitation
user-duplicate = Dupliquer
user-delete = Supprimer l’utilisateur
user-delete-title = Supprimer { $name } ?
user-alternative-numbers = Numéros alternatifs
user-alternative-hint = Jusqu’à 10 ; chacun utilise une licence « Additional Number ».
user-alternative-add = Ajouter un numéro
remove-number-title = Retirer le numéro supplémentaire de { $name } ?
remove-number-licence = Sa licence « Additional Number » redevient libre.
user-history = Historique
user-changed-meanwhile = Quelqu’un d’autre a modifié cet utilisateur entre-temps. Voici les valeurs actuelles ; refaites votre modification.
user-updated = Les modifications sont enregistrées.
user-deactivated = L’utilisateur est désactivé ; ses appels sont interceptés.
user-reactivated = L’utilisateur est de nouveau actif.
user-deleted = L’utilisateur a été supprimé.
user-activation-retried = L’activation est relancée.
user-invited = Une nouvelle invitation a été envoyée.
reason-pending = Impossible tant que l’utilisateur est en attente (jusqu’à l’activation du numéro).
reason-failed = Impossible tant que l’activation est en échec ; un opérateur peut la relancer.
reason-deactivated = Impossible tant que l’utilisateur est désactivé ; réactivez-le d’abord.
reason-already-deactivated = L’utilisateur est déjà désactivé.
reason-not-deactivated = Seul un utilisateur désactivé peut être réactivé.
reason-not-failed = Seule une activation en échec peut être relancée.
reason-operator-only = Seuls les opérateurs du fournisseur peuvent faire cela.
reason-enterprise-admin = Les administrateurs de site ne peuvent pas modifier un administrateur d’entreprise.
deactivate-intro = Le numéro reste attribué à l’utilisateur. Les appelants entendent un message et sont renvoyés ailleurs.
intercept-action = Action d’interception
intercept-announce_new_number = Annoncer le nouveau numéro
intercept-transfer_on_zero = Transférer quand l’appelant appuie sur 0
intercept-destination = Nouvelle destination
intercept-destination-hint = Le poste d’un utilisateur actif ou d’une file de centre d’appels du même site : saisissez un nom ou un poste.
intercept-queue = File { $name }
delete-frees-number = Le numéro { $value } devient libre.
delete-frees-licences = Ces licences deviennent libres : { $value }.
delete-extension = Le poste { $value } devient libre.
delete-leaves-teams = L’utilisateur quitte ces équipes : { $value }.
delete-revokes = L’identifiant du téléphone de bureau, les sessions du portail et les jetons d’API cessent de fonctionner.
delete-final = Cette action est irréversible.

licences-title = Licences
licences-hint = La facturation porte sur les licences achetées, attribuées ou non.
licence-type = Type de licence
licence-kind = Catégorie
licence-kind-package = Forfait
licence-kind-addon = Option
licence-purchased = Achetées
licence-assigned = Attribuées
licence-free-col = Libres
licence-price = Prix mensuel
licence-monthly = Mensuel
licence-total = Total mensuel
licences-buy-more = Pour acheter d’autres licences, contactez votre fournisseur.
purchase-title = Enregistrer un achat
purchase-quantity = Quantité
purchase-quantity-hint = Négative pour résilier des licences non attribuées.
purchase-note = Note
purchase-record = Enregistrer l’achat
purchase-recorded = L’achat est enregistré.

numbers-title = Numéros
numbers-show = Afficher
numbers-all = Tous les numéros
numbers-prefix = Commençant par
numbers-none = Aucun numéro ne correspond.
numbers-status = Statut
numbers-holder = Attribué à
numbers-other-site = un utilisateur d’un autre site
number-free = Libre
number-assigned = Attribué
number-usage-primary = (numéro)
number-usage-alternative = (numéro alternatif)

audit-title = Journal d’audit
audit-none = Rien n’a encore été enregistré.
audit-when = Quand
audit-who = Qui
audit-where = D’où
audit-what = Quoi
audit-changes = Avant → après
audit-clear = Tout afficher

error-invalid-name = Vérifiez la longueur : un prénom a de 1 à 23 caractères, un nom de 1 à 30.
error-invalid-email = Saisissez une adresse e-mail comme nom@example.com.
error-invalid-login-name = Un nom d’utilisateur a de 3 à 254 caractères, sans espaces.
error-invalid-extension = Le poste ne comporte que des chiffres, dans la longueur autorisée par cette entreprise.
error-invalid-e164 = Saisissez le numéro au format international : + et 8 à 15 chiffres, par ex. +493012345678.
error-invalid-contract-number = Saisissez le numéro de contrat tel qu’il figure sur le contrat (lettres, chiffres, - et /).
error-invalid-contact = Un contact personnel a de 1 à 254 caractères.
error-invalid-choice = Choisissez l’une des valeurs proposées.
error-unknown-reference = Ce choix n’existe pas (ou plus). Choisissez-en un autre.
error-unknown-number = Ce numéro ne fait pas partie du stock de numéros de votre entreprise ; choisissez-en un libre.
error-invalid-destination = La destination doit être un autre utilisateur actif, ou une file de centre d’appels, du même site.
error-duplicate = Cet élément figure deux fois.
error-too-long = C’est trop long.
error-too-short = Saisissez au moins 3 caractères.
error-out-of-range = Cette valeur est en dehors de la plage autorisée.
error-invalid-id = Ce n’est pas une référence valide.
error-invalid-cursor = Ce lien de page est périmé ; recommencez à la première page.
error-managed-licence = Cette option accompagne chaque numéro alternatif ; elle ne se choisit pas directement.
error-wrong-licence-kind = Cette licence n’est pas de la bonne catégorie ici.
problem-number-taken = Le numéro { $value } est déjà attribué à quelqu’un. Choisissez-en un libre.
problem-extension-taken = Le poste { $value } est déjà utilisé dans cette entreprise. Saisissez-en un autre.
problem-login-taken = Le nom d’utilisateur { $value } est déjà utilisé. Définissez un autre nom d’utilisateur sous « Avancé ».
problem-licence-exhausted = Aucune licence « { $value } » libre : toutes celles achetées sont attribuées. Achetez-en d’autres pour continuer.
problem-user-not-active = Impossible tant que l’état de l’utilisateur est « { $value } ».
problem-forbidden = Votre rôle ne le permet pas.
problem-not-found = Cet élément n’existe plus.
problem-intercept-destination = Cet utilisateur reçoit les appels interceptés d’un utilisateur désactivé. Donnez d’abord une autre destination à ces appels.
problem-too-many-numbers = Un utilisateur a au plus 10 numéros alternatifs.
problem-licences-in-use = Cela résilierait des licences qui sont attribuées.
problem-invalid-state = Impossible dans l’état actuel de l’utilisateur.

## Travail en masse (B-1, B-2, L-8)
back-to-users = Retour aux utilisateurs
users-import = Importer des utilisateurs
users-select = Sélectionner
users-select-all = Sélectionner tous les utilisateurs de cette page
bulk-label = Avec les utilisateurs sélectionnés
bulk-choose = Choisir une action…
bulk-apply = Appliquer
bulk-reset_passwords = Réinitialiser le mot de passe du portail
bulk-new_device_passwords = Nouveau mot de passe du poste fixe
bulk-delete = Supprimer
bulk-reset_passwords-title = { $count ->
    [1] Réinitialiser le mot de passe du portail d'un utilisateur
   *[other] Réinitialiser le mot de passe du portail de { $count } utilisateurs
}
bulk-new_device_passwords-title = { $count ->
    [1] Nouveau mot de passe du poste fixe pour un utilisateur
   *[other] Nouveaux mots de passe du poste fixe pour { $count } utilisateurs
}
bulk-delete-title = { $count ->
    [1] Supprimer un utilisateur
   *[other] Supprimer { $count } utilisateurs
}
bulk-reset_passwords-consequence = Chaque utilisateur reçoit un e-mail avec une nouvelle invitation à définir son mot de passe ; les liens précédents ne fonctionnent plus.
bulk-new_device_passwords-consequence = Le poste fixe de chaque utilisateur reçoit de nouveaux identifiants ; l'ancien mot de passe ne fonctionne plus et le téléphone doit être reconfiguré. Les nouveaux identifiants sont affichés une seule fois.
bulk-delete-consequence = Chaque utilisateur est supprimé, ses numéros et licences libérés, là où les règles le permettent (un utilisateur en attente ne peut pas être supprimé). C'est irréversible.
bulk-confirm = Confirmer
bulk-done = Fait
bulk-refused = Refusé
bulk-outcome = Résultat
bulk-reason = Pourquoi
bulk-internal = Un problème est survenu de notre côté ; rien n'a changé pour cet utilisateur.
bulk-summary-done = Fait pour { $count }.
bulk-summary-refused = Refusé pour { $count }.
bulk-choose-action = Choisissez quoi faire avec les utilisateurs sélectionnés.
bulk-none-selected = Sélectionnez d'abord au moins un utilisateur.
bulk-too-many = Sélectionnez au plus 1 000 utilisateurs à la fois.
import-title = Importer des utilisateurs
import-check-title = Vérification du fichier
import-intro = Ajoutez de nombreux utilisateurs à la fois depuis un tableur enregistré en CSV. Chaque ligne est d'abord vérifiée ; ensuite toutes les lignes sont importées, ou aucune.
import-step-template = 1. Télécharger le modèle
import-template = Modèle (CSV)
import-template-hint = les colonnes, et une ligne d'exemple commençant par #
import-values = Valeurs autorisées (CSV)
import-values-hint = ce que prend chaque colonne : vos sites, les licences avec le nombre libre, les types d'appareil, les services, les équipes
import-export = Vos utilisateurs (CSV avec ;)
import-export-hint = les mêmes colonnes : modifiez-le, ajoutez des lignes et réimportez-le
import-export-comma = avec des virgules
import-step-upload = 2. Envoyer votre fichier
import-file = Fichier CSV
import-file-hint = UTF-8, séparé par ; ou , — au plus 128 Mio et 200 000 utilisateurs. Rien n'est écrit avant votre confirmation.
import-choose-file = Choisissez un fichier à envoyer.
import-check = Vérifier le fichier
import-running = Cette page se met à jour d'elle-même jusqu'à la fin du travail.
import-status-queued = En attente
import-status-checking = Vérification
import-status-writing = Écriture
import-status-done = Terminé
import-status-refused = Refusé
import-status-failed = Échec
import-rows = { $count ->
    [1] Une ligne lue.
   *[other] { $count } lignes lues.
}
import-rows-checked = { $count ->
    [1] Une ligne vérifiée jusqu'ici.
   *[other] { $count } lignes vérifiées jusqu'ici.
}
import-created = { $count ->
    [1] Un utilisateur créé (en attente jusqu'à l'activation de son téléphone).
   *[other] { $count } utilisateurs créés (en attente jusqu'à l'activation de leurs téléphones).
}
import-invited = { $count ->
    [1] Une invitation envoyée.
   *[other] { $count } invitations envoyées.
}
import-would-create = { $count ->
    [1] Un utilisateur serait créé.
   *[other] { $count } utilisateurs seraient créés.
}
import-would-invite = { $count ->
    [1] Une invitation serait envoyée.
   *[other] { $count } invitations seraient envoyées.
}
import-unchanged = { $count ->
    [1] Une ligne est identique à un utilisateur existant et reste telle quelle.
   *[other] { $count } lignes sont identiques à des utilisateurs existants et restent telles quelles.
}
import-problems = { $count ->
    [1] Un problème trouvé.
   *[other] { $count } problèmes trouvés.
}
import-nothing-written = Rien n'a été écrit. Corrigez les lignes ci-dessous et envoyez le fichier à nouveau.
import-more-problems = { $count ->
    [1] …et un autre problème, non listé.
   *[other] …et { $count } autres problèmes, non listés.
}
import-problems-caption = Problèmes, par ligne et colonne comme votre tableur les montre
import-row = Ligne
import-column = Colonne
import-value = Valeur
import-problem = Problème
import-upload-again = Envoyer le fichier corrigé
import-confirm = Importer ces utilisateurs
import-see-users = Voir les nouveaux utilisateurs
import-upload-broken = L'envoi n'a pas pu être lu ; réessayez.
import-not-confirmable = Cette vérification a déjà été importée, ou date de plus d'une heure. Envoyez le fichier à nouveau.
import-unreadable = Le fichier n'a pas pu être lu.
import-encoding = Ce n'est pas du texte UTF-8 : enregistrez le fichier en « CSV UTF-8 » et envoyez-le à nouveau.
import-malformed = Cette ligne ne peut pas être lue en CSV : vérifiez les guillemets.
import-too-many-rows = Un fichier contient au plus { $max } utilisateurs : divisez-le et importez les parties l'une après l'autre.
import-ragged-row = Cette ligne a { $cells } cellules et l'en-tête { $header } : vérifiez les séparateurs et les guillemets.
import-too-long = Une cellule contient au plus { $max } caractères.
import-formula = Aucune valeur ici ne commence par = + - ou @ : un tableur l'exécuterait comme une formule. Écrivez '= pour le texte.
import-empty = Le fichier ne contient aucun utilisateur : il lui faut la ligne d'en-tête et au moins un utilisateur.
import-duplicate-column = Cette colonne figure deux fois dans l'en-tête.
import-unknown-column = Cette colonne ne fait pas partie du modèle.
import-missing-column = Il manque cette colonne à l'en-tête ; elle est obligatoire.
import-required = Cette colonne est obligatoire ; la cellule est vide.
import-unknown-reference = Cela n'existe pas dans votre entreprise, ou est hors de votre portée : voir les valeurs autorisées.
import-duplicate-in-file = Figure aussi à la ligne { $earlier } du fichier.
import-site-change = Un import ne déplace pas d'utilisateur vers un autre site ; cet utilisateur garde son site.
import-device-change = Un nouveau poste fixe reçoit de nouveaux identifiants affichés une seule fois : changez l'appareil sur la page de l'utilisateur.
import-user-not-active = Cet utilisateur est { $state } : le numéro, le poste, les licences, le mobile et le numéro de contrat ne changent que s'il est actif.
import-changed-since-check = Cet utilisateur a été modifié par quelqu'un d'autre depuis la vérification du fichier : vérifiez le fichier à nouveau.
import-updated = { $count ->
    [1] Un utilisateur modifié.
   *[other] { $count } utilisateurs modifiés.
}
import-would-update = { $count ->
    [1] Un utilisateur serait modifié.
   *[other] { $count } utilisateurs seraient modifiés.
}
import-login-taken = Ce nom d'utilisateur est déjà pris.
import-extension-taken = Ce numéro de poste est déjà pris dans cette entreprise.
import-number-taken = Ce numéro est déjà attribué à quelqu'un.
import-unknown-number = Ce numéro ne fait pas partie du stock de votre entreprise.
import-licence-exhausted = Le fichier demande { $need } de cette licence et { $free } sont libres : achetez-en { $missing } de plus.
import-too-large = Un fichier fait au plus 128 Mio : divisez-le et importez les parties l'une après l'autre.
import-internal = L'import n'a pas pu s'exécuter ; rien n'a été écrit. Réessayez plus tard.
device-passwords-title = Mots de passe des appareils
device-passwords-intro = De nouveaux mots de passe de poste fixe pour tous les utilisateurs d'un site, en une fois : par exemple après la perte d'un téléphone ou quand un site change de téléphones. Les nouveaux identifiants arrivent dans un fichier CSV téléchargeable une seule fois.
device-passwords-mode = Nouveaux mots de passe
device-passwords-generated = Un mot de passe généré différent pour chaque utilisateur (recommandé)
device-passwords-own = Un mot de passe de mon choix, pour tous
device-passwords-password = Mot de passe pour tous
device-passwords-password-hint = Seulement si vous choisissez un mot de passe : au moins 12 caractères, difficile à deviner.
device-passwords-understood = Je comprends que les mots de passe actuels des postes fixes de ce site cessent de fonctionner immédiatement.
device-passwords-confirm-first = Confirmez que les mots de passe actuels peuvent cesser de fonctionner.
device-passwords-renew = Renouveler les mots de passe des postes fixes
device-passwords-issued = { $count ->
    [1] Un utilisateur a un nouveau mot de passe de poste fixe.
   *[other] { $count } utilisateurs ont de nouveaux mots de passe de poste fixe.
}
device-passwords-skipped = { $count ->
    [1] Un administrateur d'entreprise a été laissé de côté (un administrateur de site ne le modifie pas).
   *[other] { $count } administrateurs d'entreprise ont été laissés de côté (un administrateur de site ne les modifie pas).
}
device-passwords-once = Téléchargez le fichier maintenant : le lien fonctionne une fois, pendant 10 minutes. Les mots de passe ne sont conservés nulle part ailleurs.
device-passwords-download = Télécharger les identifiants (CSV)
device-passwords-gone = Ce lien de téléchargement a déjà servi ou a expiré (il fonctionne une fois, pendant 10 minutes). Relancez le gestionnaire de mots de passe des appareils pour de nouveaux identifiants.
error-hex-like = Certains téléphones lisent un mot de passe commençant par 0x comme une clé hexadécimale ; choisissez-en un autre.

## Groupes (G-1, G-3)
nav-groups = Groupes
groups-title = Groupes
groups-intro = Les groupes de recherche font sonner leurs membres quand on appelle leur poste ; dans un groupe d'interception, les membres répondent aux téléphones des autres ; dans un groupe de parcage, ils parquent des appels les uns pour les autres.
groups-kinds = Types de groupe
groups-all = Tous
groups-none = Aucun groupe pour l'instant.
group-kind = Type
group-kind-hunt = Groupe de recherche
group-kind-pickup = Groupe d'interception d'appels
group-kind-park = Groupe de parcage d'appels
group-kind-hunt-meaning = Les appels vers son poste font sonner ses membres, qui doivent être des utilisateurs actifs.
group-kind-pickup-meaning = Les membres répondent aux téléphones qui sonnent chez les autres ; un utilisateur est dans un seul groupe d'interception au plus.
group-kind-park-meaning = Les membres parquent des appels les uns pour les autres ; un appel parqué resonne après le délai de rappel.
group-name = Nom
group-members = Membres
group-new = Nouveau groupe
group-create = Créer le groupe
group-extension-hint = Groupes de recherche, centres d'appels et standards automatiques seulement : le poste qui l'appelle, que personne d'autre n'a.
group-settings = Réglages
group-ring-policy = Ordre de sonnerie
ring-policy-simultaneous = Tous les membres à la fois
ring-policy-sequential = L'un après l'autre, depuis le premier
ring-policy-circular = L'un après l'autre, à partir du suivant du dernier qui a répondu
ring-policy-uniform = Le membre libre depuis le plus longtemps d'abord
ring-policy-weighted = Au hasard, selon le poids
group-no-answer = Renvoyer après (secondes)
group-no-answer-hint = 5 à 180 secondes sans réponse.
group-forward-to = Si personne ne répond, renvoyer vers
group-forward-to-hint = Un poste ou un numéro comme +33123456789 ; vide : l'appelant entend occupé.
group-recall = Rappeler après (secondes)
group-recall-hint = 30 à 600 secondes : un appel parqué que personne ne reprend resonne chez qui l'a parqué.
group-no-members = Aucun membre pour l'instant.
group-members-hunt-hint = Dans l'ordre de sonnerie. Seuls les utilisateurs actifs peuvent être membres (un utilisateur en attente, en échec ou désactivé ne peut pas prendre d'appels).
group-move-up = Monter
group-add-member = Ajouter un membre : chercher une personne
group-add-member-hint = Par nom, poste ou e-mail, parmi les utilisateurs du site de ce groupe.
group-no-such-extension = Aucun utilisateur de ce site n'a le poste { $value }.
group-delete = Supprimer le groupe
group-delete-confirm = Oui, supprimer ce groupe (ses membres restent des utilisateurs).
group-created = Le groupe a été créé.
group-saved = Les réglages du groupe ont été enregistrés.
group-deleted = Le groupe a été supprimé.
group-member-added = Le membre a été ajouté.
group-member-removed = Le membre a été retiré du groupe.
group-members-saved = L'ordre de sonnerie a été enregistré.
group-changed-meanwhile = Quelqu'un a modifié ce groupe entre-temps ; le voici tel qu'il est maintenant.
group-confirm-delete = Cochez la case pour confirmer la suppression.
user-groups = Groupes
user-no-groups = Dans aucun groupe.
user-leave-group = Retirer du groupe
delete-leaves-groups = Quitte ces groupes (leurs autres membres restent) : { $value }.
problem-in-another-pickup-group = Cet utilisateur est déjà dans un autre groupe d'interception ; un utilisateur est dans un seul au plus.
problem-name-taken = Ce nom est déjà pris : choisissez-en un autre.
error-not-applicable = Ce type de groupe n'a pas ce réglage.
error-other-site = Cet utilisateur appartient à un autre site.

## Boîte de réception (L-4, G-5)
nav-inbox = Messages
inbox-title = Messages
inbox-unread = non lus
inbox-none = Aucun message.
inbox-new = nouveau
inbox-mark-read = Tout marquer comme lu
inbox-read = Tous les messages sont marqués comme lus.
inbox-category-information = Information
inbox-category-warning = Avertissement
inbox-category-urgent = Urgent
inbox-group-member-deleted-subject = Un membre de votre groupe a été supprimé
inbox-group-member-deleted = { $name } a été supprimé et ne fait plus partie du { $kind } « { $group } ».

## Diffusions (G-5)
nav-broadcasts = Diffusions
broadcasts-title = Messages de diffusion
broadcasts-intro = Un message à tous les membres d'une ou plusieurs équipes, dans leur messagerie du portail et, si vous le souhaitez, par e-mail — tout de suite ou à l'heure choisie.
broadcast-new = Nouvelle diffusion
broadcast-no-teams = Il n'y a pas encore d'équipes : les diffusions vont aux équipes.
broadcast-teams = Équipes
broadcast-category = Catégorie
broadcast-subject = Objet
broadcast-body = Message
broadcast-send-at = Envoyer le
broadcast-send-at-hint = Votre heure locale ({ $zone }) ; laissez vide pour envoyer maintenant.
broadcast-by-email = L'envoyer aussi par e-mail
broadcast-send = Envoyer
broadcasts-sent = Envoyées et programmées
broadcasts-none = Aucune diffusion pour l'instant.
broadcast-status = Statut
broadcast-recipients = Destinataires
broadcast-status-scheduled = Programmée
broadcast-status-sent = Envoyée
broadcast-scheduled = La diffusion est programmée ; elle est remise à son heure.
error-in-the-past = Cette heure est passée ; choisissez-en une plus tardive, ou aucune pour envoyer tout de suite.
error-invalid-time = Une heure, de 00:00 à 23:59.

## Services d'appel (S-1, S-4)
nav-services = Mes services d'appel
services-title = Services d'appel
user-services = Services d'appel (vue de l'utilisateur)
services-acting-as-admin = Vous agissez en administrateur dans la vue de { $name } : ce que vous modifiez ici est enregistré comme votre modification.
services-back-to-site-view = Retour à la vue du site
services-forwarding = Renvoi d'appel
services-destination-hint = Un poste ou un numéro comme +33123456789 ; vide : désactivé.
services-forward-always = Renvoyer tous les appels vers
services-forward-busy = Si occupé, renvoyer vers
services-forward-no-answer = Sans réponse, renvoyer vers
services-forward-unreachable = Si injoignable, renvoyer vers
services-forward-rings = Sonneries avant le renvoi sur non-réponse
services-simultaneous = Sonnerie simultanée
services-simultaneous-on = Faire sonner ces destinations avec mon téléphone
services-simultaneous-destinations = Destinations
services-simultaneous-hint = Une par ligne, 10 au plus : postes ou numéros.
services-incoming = Appels entrants
services-dnd = Ne pas déranger (les appelants entendent occupé ou tombent sur la messagerie)
services-reject-anonymous = Refuser les appels masqués
services-voicemail = Messagerie vocale
services-voicemail-on = La messagerie répond aux appels que je ne prends pas
services-voicemail-rings = Sonneries avant que la messagerie réponde (2–10)
services-voicemail-pin = Code de la messagerie
services-pin-set = Un code est défini ; saisissez-en un nouveau pour le changer.
services-pin-hint = 4 à 8 chiffres, ni 0000, ni 1234, ni votre poste.
services-voicemail-email = Me prévenir des nouveaux messages à cette adresse e-mail
services-saved = Les services d'appel ont été enregistrés.
error-weak-pin = Ce code est le premier qu'un appelant essaierait ; choisissez-en un autre.
error-invalid-pin = Un code a 4 à 8 chiffres.
error-too-many = C'est plus que permis.

## Organisation (G-4)
nav-organisation = Organisation
organisation-title = Services et équipes
organisation-intro = Un utilisateur appartient à un service au plus, qui doit exister d'abord, et à autant d'équipes que voulu. Chaque nom mène à ses membres.
organisation-departments = Services
organisation-teams = Équipes
organisation-none = Aucun pour l'instant.
department-new = Nouveau service
team-new = Nouvelle équipe
organisation-enterprise-admins-add = Les administrateurs d'entreprise ajoutent services et équipes.
department-created = Le service a été ajouté.
team-created = L'équipe a été ajoutée.
organisation-leads-hint = Les responsables d'une équipe (utilisateurs ayant le rôle de chef d'équipe) voient ses membres sous « Mes équipes ».
organisation-lead = Responsable
organisation-add-lead = Ajouter un responsable par son poste
team-leads-saved = Les responsables de l'équipe ont été enregistrés.
nav-my-teams = Mes équipes
my-teams-title = Mes équipes
my-teams-none = Vous ne dirigez aucune équipe.
error-not-a-team-lead = Cet utilisateur n'a pas le rôle de chef d'équipe ; donnez-le-lui d'abord.
services-caller-id = Numéro présenté
services-caller-id-own = Mon propre numéro
services-caller-id-withheld = Masqué
error-not-held = Seulement le numéro de l'utilisateur, un de ses numéros supplémentaires, ou masqué.

# G-2: call centres and campaigns
group-kind-call_centre = Centre d'appels
group-kind-call_centre-meaning = Les appels vers son poste attendent dans une file ses agents, qui doivent être des utilisateurs actifs ; des superviseurs surveillent la file.
group-agents = Agents
group-agents-hint = Dans l'ordre où les appels sont proposés. Seuls les utilisateurs actifs peuvent être agents (les utilisateurs en attente, en échec ou désactivés ne peuvent pas prendre d'appels).
group-queue-length = Longueur de la file (appels)
group-queue-length-hint = 1 à 50 appels attendent un agent ; l'appelant suivant va vers la destination de débordement.
group-overflow-to = Quand la file est pleine, envoyer les appels vers
group-overflow-to-hint = Un poste ou un numéro comme +493012345678 ; vide : l'appelant entend occupé.
group-supervisors = Superviseurs
group-supervisors-hint = Tout utilisateur de l'entreprise, dans tout état. Les outils de supervision demandent l'option Superviseur.
group-no-supervisors = Pas encore de superviseurs.
group-add-supervisor = Ajouter un superviseur : chercher une personne
group-add-supervisor-hint = Par nom, poste ou e-mail, parmi les utilisateurs de tous les sites de l’entreprise.
group-no-such-user-extension = Aucun utilisateur n'a le poste { $value }.
group-campaigns = Campagnes
group-campaigns-hint = Campagnes entrantes ou sortantes de ce centre d'appels, chacune avec des agents pris parmi les agents ci-dessus.
group-campaign-no-agents = Ajoutez d'abord des agents au centre d'appels ; affectez-les ensuite ici.
group-campaign-agents = Agents affectés
group-campaign-save-agents = Enregistrer les agents
group-campaign-delete = Supprimer la campagne
group-campaign-delete-confirm = Oui, supprimer cette campagne (ses agents restent agents du centre d'appels).
group-campaign-new = Nouvelle campagne
group-campaign-direction = Sens
group-campaign-create = Créer la campagne
campaign-direction-inbound = Entrante
campaign-direction-outbound = Sortante
group-supervisor-added = Le superviseur a été ajouté.
group-supervisor-removed = Le superviseur a été retiré.
campaign-created = La campagne a été créée.
campaign-agents-saved = Les agents de la campagne ont été enregistrés.
campaign-confirm-delete = Cochez la case pour confirmer la suppression de la campagne.
campaign-deleted = La campagne a été supprimée.
users-col-campaigns = Campagnes
users-filter-group = Groupe
error-not-an-agent = Cet utilisateur n'est pas agent du centre d'appels de la campagne ; ajoutez-le d'abord là-bas.
problem-not-a-call-centre = Seuls les centres d'appels ont des superviseurs et des campagnes.

# G-6: auto attendants
group-kind-auto_attendant = Standard automatique
group-kind-auto_attendant-meaning = Répond aux appels vers son poste par une annonce et oriente les appelants selon la touche pressée ; avec des menus différents pendant et hors des heures d'ouverture.
aa-business-hours = Heures d'ouverture
aa-business-hours-hint = À l'heure locale du site. En dehors de ces heures, le menu hors heures d'ouverture répond.
aa-opens = Ouvre à
aa-closes = Ferme à
aa-business-menu = Menu pendant les heures d'ouverture
aa-after-hours-menu = Menu hors des heures d'ouverture
aa-destination-hint = Pour chaque touche : un poste (un utilisateur, un groupe de recherche, un centre d'appels ou un autre standard automatique), « voicemail 602 » pour la messagerie vocale d'un utilisateur, ou un numéro comme +493012345678. Vide : aucune action.
aa-key = Touche
aa-destination = Destination
aa-no-input = Si l'appelant ne presse rien, l'envoyer vers
weekday-1 = Lundi
weekday-2 = Mardi
weekday-3 = Mercredi
weekday-4 = Jeudi
weekday-5 = Vendredi
weekday-6 = Samedi
weekday-7 = Dimanche
error-invalid-menu-destination = Un poste (602), la messagerie vocale d'un utilisateur (voicemail 602) ou un numéro au format international (+493012345678).
error-unknown-destination = Aucun utilisateur ni groupe n'a ce poste.
error-invalid-key = Les touches sont 0 à 9, * et #.
error-invalid-days = Les jours vont du lundi au dimanche, chacun une fois.
error-closes-before-opening = Les heures d'ouverture se terminent après leur début.
problem-menu-loop = Ces menus feraient tourner les appelants en rond entre standards automatiques. Choisissez une autre destination.
problem-in-use = { $what } est encore utilisé par { $by } ; changez cela d’abord.
problem-no-members = Un standard automatique n'a pas de membres : ses menus orientent les appelants.

# S-5: soft clients
soft-clients = Softphones
soft-clients-hint = L'application téléphone sur un mobile ou un ordinateur sonne avec le téléphone de bureau. La configuration affiche un code QR à scanner dans l'application ; il sert une fois, pendant un jour, et ne contient jamais le mot de passe.
soft-clients-none = Aucun softphone n'est configuré.
soft-client-set-up-mobile = Configurer l'application mobile
soft-client-set-up-desktop = Configurer l'application de bureau
soft-client-title = Configurer un softphone
soft-client-intro-mobile = Ouvrez l'application téléphone sur le mobile et scannez ce code, ou ouvrez le lien sur le mobile. L'application se connecte ensuite avec ses propres identifiants.
soft-client-intro-desktop = Ouvrez l'application téléphone sur l'ordinateur et scannez ce code ou collez le lien. L'application se connecte ensuite avec ses propres identifiants.
soft-client-mobile = Application mobile
soft-client-desktop = Application de bureau
soft-client-once = Ce code n'est affiché que maintenant et sert une fois. Un nouveau code remplace celui-ci ; reconfigurer l'application lui donne un nouveau mot de passe.
soft-client-qr-label = Code QR du lien de configuration
soft-client-link = Lien de configuration
soft-client-expires = Valable jusqu’au
problem-link-used = Ce lien de configuration a déjà servi ; chacun sert une fois. Demandez-en un nouveau.
problem-link-expired = Ce lien de configuration a expiré. Demandez-en un nouveau.

# S-2: services only administrators set
services-admin-only = Réglés par les administrateurs seulement
services-admin-only-hint = L'utilisateur les voit sur sa page mais ne peut pas les modifier.
services-mobility = Mobilité : le mobile sonne avec le téléphone de bureau
services-mobility-number = Numéro mobile qui sonne aussi
services-shared-lines = Lignes d'autres utilisateurs sur ce téléphone
services-shared-lines-hint = Postes, un par ligne (10 au plus) : par exemple une assistante qui répond sur la ligne d'un dirigeant.
services-override-site-forwarding = Le renvoi d'appels du site ne s'applique pas à cet utilisateur
services-network-class = Classe de service réseau
services-set-by-admin = Réglé par votre administrateur
network-class-internal_only = Appels internes seulement (et numéros d'urgence)
network-class-national = Appels nationaux
network-class-international = Appels nationaux et internationaux
network-class-unrestricted = Tous les appels, numéros surtaxés compris
off = Désactivé
none = Aucune
inbox-shared-line-removed-subject = Une ligne partagée a été retirée
inbox-shared-line-removed = { $name } (poste { $extension }) a été supprimé ; sa ligne n'apparaît plus sur votre téléphone.
error-admin-only = Seul un administrateur règle ce service.
error-own-line = La ligne d'un utilisateur est déjà sur son téléphone.

# S-1, S-3, G-6: greetings
greeting-hint = Un fichier WAV ou MP3 de 5 Mo au plus. Sans annonce, les appelants entendent l'annonce standard.
greeting-voicemail = Annonce de messagerie vocale
greeting-business = Annonce pendant les heures d'ouverture
greeting-after-hours = Annonce hors des heures d'ouverture
greeting-remove = Retirer l'annonce
greeting-default = L'annonce standard est diffusée.
greeting-file = Fichier audio (WAV ou MP3)
greeting-upload = Téléverser l'annonce
greeting-uploaded = téléversée le
greeting-saved = L'annonce a été téléversée.
greeting-removed = L'annonce a été retirée ; l'annonce standard est diffusée.
greeting-too-large = Ce fichier dépasse 5 Mo. Choisissez un enregistrement plus court.
greeting-not-audio = Ce n'est pas un fichier WAV ou MP3. Choisissez un fichier audio.
error-unsupported-audio = Ce n'est pas un fichier WAV ou MP3.
error-too-large = Ce fichier est trop volumineux.

# S-3: virtual users' call services
group-services = Services d'appel
group-services-hint = Comme pour un utilisateur : la messagerie vocale pour les appelants sans réponse, et le renvoi de tous les appels (groupes de recherche et centres d'appels).

# S-1: voicemail messages
voicemails = Messages vocaux
voicemails-none = Aucun message vocal.
voicemail-caller = Appelant
voicemail-received = Reçu
voicemail-duration = Durée
voicemail-new = Nouveau
voicemail-mark-heard = Marquer comme écouté
voicemail-delete = Supprimer
voicemail-delete-confirm = Oui, supprimer
voicemail-anonymous = Numéro masqué
voicemail-heard = Le message est marqué comme écouté.
voicemail-deleted = Le message a été supprimé.
voicemail-confirm-delete = Cochez « Oui, supprimer » pour supprimer le message.

# U-9 : photos
picture-title = Photo
picture-hint = Une image PNG, JPEG ou WebP de 5 Mo au plus. Elle est recadrée en carré depuis son centre et réduite.
picture-none = Pas encore de photo : les initiales la remplacent.
picture-file = Fichier image (PNG, JPEG ou WebP)
picture-upload = Téléverser la photo
picture-remove = Supprimer la photo
picture-saved = La photo a été enregistrée.
picture-removed = La photo a été supprimée.
picture-too-large = Ce fichier dépasse 5 Mo. Choisissez une image plus petite.
picture-not-image = Ce n’est pas une image PNG, JPEG ou WebP lisible. Choisissez un autre fichier.

# G-1, S-6 : numéros des groupes et des sites
group-number = Numéro (facultatif)
group-number-hint = Un numéro libre du pool que les appelants composent pour le joindre de l’extérieur, en plus de son poste. Vide : aucun.
main-numbers = Numéros principaux des sites
main-numbers-hint = Le numéro principal d’un site vient du pool ; ses utilisateurs peuvent le présenter à leurs correspondants à la place du leur. Videz le champ pour le rendre.
main-number-remove = Rendre le numéro principal
main-number-saved = Le numéro principal a été enregistré.
main-number-removed = Le numéro principal est revenu dans le pool ; les utilisateurs qui le présentaient présentent de nouveau leur propre numéro.
numbers-pool = Pool de numéros
number-usage-group = (numéro de groupe)
number-usage-site-main = (numéro principal du site)
services-caller-id-site = Le numéro principal du site
group-weight = Pondération
group-weight-save = Enregistrer la pondération

# The start page (what needs attention), the header’s menu and search, events in words
menu = Menu
header-search-label = Chercher une personne par nom, extension ou numéro
header-search-placeholder = Nom, extension ou numéro
header-search-go = Chercher
home-attention = À traiter
home-all-clear = Rien à traiter.
home-failed = Utilisateurs dont l’activation a échoué : { $count }
home-pending = Utilisateurs en attente d’activation : { $count }
home-failed-push = { $name } : le système téléphonique n’a pas reçu la dernière modification
home-licence-none = { $name } : aucune libre — en acheter d’autres
home-licence-low = { $count ->
    [one] { $name } : plus qu’une libre
   *[other] { $name } : plus que { $count } libres
}
home-numbers-free = Numéros libres dans le stock : { $count }
home-numbers-low = Les numéros libres s’épuisent : plus que { $count }
home-actions = Actions rapides
home-action-add-user = Ajouter un utilisateur
home-action-import = Importer des utilisateurs
home-action-device-passwords = Nouveaux mots de passe des appareils
home-action-groups = Groupes
home-action-services = Mes services d’appel
home-action-inbox = Ma boîte de réception
home-action-security = Ma sécurité de connexion
home-action-my-teams = Mes équipes
home-action-enterprises = { $count ->
    [one] Une entreprise
   *[other] Les { $count } entreprises
}
home-recent = Modifications récentes
home-recent-all = Tout le journal d’audit
home-threshold-title = Quand avertir d’un manque de licences et de numéros
home-threshold-label = Avertir quand il en reste moins de
home-threshold-hint = Un nombre entier de 0 à 100000. Avec 0, seuls les types de licence épuisés sont signalés.
home-threshold-save = Enregistrer
home-threshold-saved = Le seuil d’avertissement est enregistré.
event-other = Modification
actor-token = Jeton d’API « { $name } »
actor-cli = Ligne de commande
actor-anonymous = Une personne non connectée
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
event-account-invitation-accepted = Invitation acceptée
event-account-invited = Invitation envoyée
event-account-locked = Connexion bloquée après des échecs
event-account-password-accepted = Mot de passe accepté
event-account-password-changed = Mot de passe modifié
event-account-password-reset = Mot de passe réinitialisé
event-account-password-reset-requested = Réinitialisation du mot de passe demandée
event-account-password-set = Mot de passe défini
event-account-sign-in-failed = Échec de connexion
event-account-signed-in = Connexion
event-account-signed-out = Déconnexion
event-account-signed-out-everywhere = Déconnexion partout
event-account-totp-disabled = Application d’authentification désactivée
event-account-totp-enabled = Application d’authentification activée
event-account-two-step-failed = Code de vérification refusé
event-account-two-step-required = Connexion en deux étapes demandée
event-account-two-step-voided = Connexion en deux étapes abandonnée
event-broadcast-scheduled = Message de diffusion programmé
event-broadcast-sent = Message de diffusion envoyé
event-campaign-agents-changed = Agents de la campagne modifiés
event-campaign-created = Campagne créée
event-campaign-deleted = Campagne supprimée
event-department-created = Service créé
event-device-type-created = Type d’appareil ajouté
event-enterprise-created = Entreprise créée
event-enterprise-updated = Entreprise modifiée
event-greeting-removed = Annonce supprimée
event-greeting-uploaded = Annonce téléversée
event-group-created = Groupe créé
event-group-deleted = Groupe supprimé
event-group-members-changed = Membres du groupe modifiés
event-group-services-changed = Services d’appel du groupe modifiés
event-group-supervisors-changed = Superviseurs modifiés
event-group-updated = Groupe modifié
event-job-retried = Tâche de fond relancée
event-licence-purchased = Licences achetées
event-licence-type-created = Type de licence ajouté
event-numbers-loaded = Numéros chargés
event-provisioning-resynced = Système téléphonique resynchronisé
event-site-created = Site créé
event-site-main-number-changed = Numéro principal du site modifié
event-soft-client-link-issued = Lien de configuration du softphone créé
event-soft-client-provisioned = Softphone configuré
event-team-created = Équipe créée
event-team-leads-changed = Chefs d’équipe modifiés
event-token-created = Jeton d’API créé
event-token-revoked = Jeton d’API révoqué
event-user-activated = Utilisateur activé
event-user-activation-failed = Échec de l’activation
event-user-activation-retried = Activation relancée
event-user-alternative-number-added = Numéro secondaire ajouté
event-user-alternative-number-removed = Numéro secondaire retiré
event-user-created = Utilisateur ajouté
event-user-deactivated = Utilisateur désactivé
event-user-deleted = Utilisateur supprimé
event-user-picture-removed = Photo supprimée
event-user-picture-set = Photo modifiée
event-user-reactivated = Utilisateur réactivé
event-user-services-changed = Services d’appel modifiés
event-user-sip-credentials-renewed = Nouveaux identifiants du poste fixe
event-user-updated = Utilisateur modifié
event-users-imported = Utilisateurs importés
event-voicemail-deleted = Message vocal supprimé
channel-api = API
channel-portal = Portail
channel-cli = Ligne de commande
channel-scim = Synchronisation d’annuaire (SCIM)
channel-import = Import
channel-system = Switchboard

# The audit log in words
audit-event = Type d’évènement
audit-event-any = Tous les types
audit-who-hint = L’identifiant de la personne.
audit-from = Du
audit-to = Au
audit-subject-chip = Modifications de { $name }
audit-subject-unnamed = cet élément
audit-times-hint = Heures en { $zone }.
audit-details = Détails
audit-value-none = (aucun)
yes = Oui
no = Non
field-alternative-numbers = Numéros secondaires
field-activated-at = Activé le
field-deactivated-at = Désactivé le
field-no-answer-seconds = Durée de sonnerie avant renvoi (secondes)
field-forward-to = Destination du renvoi
field-queue-length = Longueur de la file
field-recall-seconds = Rappel après (secondes)
error-invalid-date = Une date s’écrit AAAA-MM-JJ, par ex. 2026-12-24.
error-invalid-range = Le dernier jour ne peut pas précéder le premier.
error-invalid-destination-queue = La destination doit être une file de centre d’appels du même site.
error-one-destination = Choisissez une seule destination : un utilisateur ou une file de centre d’appels.
event-site-updated = Site modifié

# Where a site is (time zone, country, language)
organisation-sites = Sites
organisation-sites-hint = Les heures sont affichées et les messages de diffusion envoyés dans le fuseau horaire du site ; les numéros saisis au format national sont lus selon son pays ; le système téléphonique parle sa langue. Un site sans réglage propre reprend celui de l’entreprise.
site-time-zone = Fuseau horaire
site-country = Pays
site-language = Langue
site-change = Modifier
site-inherited = { $value } (celui de l’entreprise)
site-enterprise-default = Comme l’entreprise : { $value }
site-no-country = Aucun pays
site-title = Site { $name }
site-intro = Choisissez le fuseau horaire, le pays et la langue du site, ou gardez ceux de l’entreprise.
site-saved = Le site est enregistré.
back-to-organisation = Retour à l’organisation
error-invalid-time-zone = Choisissez un fuseau horaire dans la liste.
error-invalid-country = Choisissez un pays dans la liste.
country-at = Autriche
country-be = Belgique
country-ch = Suisse
country-cz = Tchéquie
country-de = Allemagne
country-dk = Danemark
country-es = Espagne
country-fi = Finlande
country-fr = France
country-gb = Royaume-Uni
country-ie = Irlande
country-it = Italie
country-lu = Luxembourg
country-nl = Pays-Bas
country-no = Norvège
country-pl = Pologne
country-pt = Portugal
country-se = Suède
country-us = États-Unis
country-ca = Canada

# The people picker
picker-search = Chercher
picker-none = Personne trouvé : essayez une partie du nom, ou un poste.
picker-already-in = Déjà présent
picker-not-active = Non proposé : { $state } — un groupe de recherche ou un centre d’appels n’accepte que des utilisateurs actifs.
picker-in-another-pickup-group = Non proposé : déjà dans le groupe d’interception { $name } (un utilisateur est dans un seul au plus).
download = Télécharger
recovery-file-name = switchboard-codes-de-secours.txt

# Two-step sign-in of a user (K-1)
user-sign-in-security = Sécurité de connexion
user-two-step-off = La connexion en deux étapes n’est pas exigée.
user-two-step-code = La connexion en deux étapes est exigée : un code est envoyé au contact personnel à chaque connexion.
user-two-step-app = La connexion en deux étapes avec une application d’authentification est configurée.
user-two-step-require = Exiger la connexion en deux étapes
user-two-step-release = Ne plus exiger la connexion en deux étapes
user-two-step-required = La connexion en deux étapes est désormais exigée ; les sessions de l’utilisateur ont été fermées.
user-two-step-released = La connexion en deux étapes n’est plus exigée.

# Departments and teams (G-4)
organisation-members = Membres
organisation-leads = Chefs d’équipe
organisation-people = Personnes : { $count }
unit-manage = Gérer
unit-title = Service ou équipe
unit-name = Nom
unit-rename = Renommer
unit-people-in-list = Ses personnes dans la liste des utilisateurs
unit-delete-title = Supprimer
unit-delete-hint = Seulement tant que personne n’en fait partie (et, pour une équipe, que personne ne la dirige et qu’aucun message de diffusion ne lui a été envoyé) ; sinon la page dit qui en fait partie.
unit-delete = Supprimer { $name }
unit-renamed = Le nom est enregistré.
unit-deleted = Supprimé.
team-member-added = Le membre a été ajouté à l’équipe.
team-member-removed = Le membre a été retiré de l’équipe.
team-add-member = Ajouter un membre : chercher une personne
team-add-member-hint = Par nom, poste ou e-mail.
team-add-lead = Nommer un chef d’équipe : chercher une personne
team-add-lead-hint = Un utilisateur sans le rôle de chef d’équipe le reçoit.
team-add-lead-with-role = Ajouter en donnant le rôle de chef d’équipe
picker-administrator-role = Non proposé : un administrateur (un chef d’équipe a le rôle de chef d’équipe).
event-department-renamed = Service renommé
event-department-deleted = Service supprimé
event-team-renamed = Équipe renommée
event-team-deleted = Équipe supprimée
in-use-more = { $names } et { $more } autres
problem-team-has-broadcasts = Des messages de diffusion ont été envoyés à cette équipe ; elle reste pour leur historique.
broadcast-sent = Le message de diffusion part vers les boîtes de réception des membres.
error-invalid-forward-destination = Un poste de cette entreprise, ou un numéro au format international (+33…).
aa-reaches = Atteint
aa-reaches-number = le numéro { $value }
aa-reaches-voicemail = la messagerie de { $name }
aa-reaches-nobody = personne dans cette entreprise n’a ce poste
device-passwords-site = { $name } — utilisateurs : { $count }
