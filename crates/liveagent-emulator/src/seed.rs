//! The data `--seed` loads: an account with people, inboxes, teams, contacts and conversations in
//! every status. Without `--seed` there is only a platform app, to create accounts with.

use crate::clock::now;
use crate::ops::{self, NewMessage};
use crate::routes::World;
use crate::store::{
    Account, AccountUser, AgentBot, Assignee, AttributeDefinition, Campaign, CannedResponse,
    Channel, DEFAULT_FEATURES, Id, Inbox, Json, Label, PlatformApp, Sender, Store, Team, User,
    WidgetSettings, WorkingHour, token,
};
use serde_json::{Value, json};

/// Tokens and ids a client needs, as the startup line prints them.
#[derive(Debug, Clone, Default)]
pub(crate) struct Seeded {
    pub account_id: Option<Id>,
    pub inbox_id: Option<Id>,
    pub inbox_identifier: Option<String>,
    pub hmac_token: Option<String>,
    pub admin: Option<String>,
    pub agent: Option<String>,
    pub supervisor: Option<String>,
    pub bot: Option<String>,
    pub platform: String,
    /// The web-widget inbox: its id, website token and identity-hash key.
    pub web_widget: Option<(Id, String, String)>,
}

impl Seeded {
    /// The startup line, without the base URL.
    pub(crate) fn info(&self) -> Value {
        json!({
            "account_id": self.account_id,
            "inbox_id": self.inbox_id,
            "inbox_identifier": self.inbox_identifier,
            "hmac_token": self.hmac_token,
            "web_widget": self.web_widget.as_ref().map(|(id, website_token, hmac_token)| json!({
                "inbox_id": id, "website_token": website_token, "hmac_token": hmac_token,
            })),
            "tokens": {
                "admin": self.admin,
                "agent": self.agent,
                "supervisor": self.supervisor,
                "bot": self.bot,
                "platform": self.platform,
            },
        })
    }
}

/// An empty store with one platform app.
pub(crate) fn empty() -> (Store, Seeded) {
    let platform = token(24);
    let store = Store {
        platform_apps: vec![PlatformApp {
            token: platform.clone(),
            accounts: vec![],
            users: vec![],
            bots: vec![],
        }],
        widget_secret: token(40),
        ..Store::default()
    };
    (
        store,
        Seeded {
            platform,
            ..Seeded::default()
        },
    )
}

fn user(w: &mut World, account_id: Id, name: &str, email: &str, role: &str) -> (Id, String) {
    let (id, member) = (w.store.id(), w.store.id());
    let t = now();
    let token = token(24);
    w.store.users.push(User {
        id,
        name: name.into(),
        display_name: None,
        email: email.into(),
        token: token.clone(),
        pubsub_token: crate::store::token(24),
        custom_attributes: Json::new(),
        ui_settings: Json::new(),
        message_signature: None,
        confirmed: true,
        password: "Password1!".into(),
        avatar_url: None,
    });
    w.store.account_users.push(AccountUser {
        id: member,
        account_id,
        user_id: id,
        role: role.into(),
        availability: "online".into(),
        auto_offline: true,
        active_at: Some(t),
        created_at: t,
        updated_at: t,
    });
    w.store.record_availability(account_id, id);
    (id, token)
}

fn inbox(w: &mut World, account_id: Id, name: &str, channel: Channel) -> Id {
    let (id, channel_id) = (w.store.id(), w.store.id());
    let t = now();
    w.store.inboxes.push(Inbox {
        id,
        account_id,
        channel_id,
        name: name.into(),
        channel,
        greeting_enabled: false,
        greeting_message: None,
        working_hours_enabled: false,
        enable_email_collect: true,
        csat_survey_enabled: true,
        csat_config: Json::new(),
        enable_auto_assignment: true,
        auto_assignment_config: Json::new(),
        out_of_office_message: None,
        working_hours: WorkingHour::default_week(),
        timezone: "UTC".into(),
        allow_messages_after_resolved: true,
        lock_to_single_conversation: false,
        sender_name_type: "friendly".into(),
        business_name: None,
        portal_id: None,
        created_at: t,
        updated_at: t,
        avatar_url: None,
    });
    id
}

/// A conversation with a few messages, `age` hours old.
struct Story<'a> {
    contact: Id,
    inbox: Id,
    status: &'a str,
    assignee: Option<Assignee>,
    team: Option<Id>,
    labels: &'a [&'a str],
    lines: &'a [(i64, &'a str)],
    age: f64,
}

fn story(w: &mut World, account_id: Id, agent: Id, s: Story<'_>) {
    let agent = match s.assignee {
        Some(Assignee::User(u)) => u,
        _ => agent,
    };
    let ci = ops::contact_inbox(w, s.contact, s.inbox, None, false);
    let index = ops::new_conversation(w, account_id, ci, Json::new(), Json::new());
    for (message_type, text) in s.lines {
        let sender = if *message_type == 0 {
            Sender::Contact(s.contact)
        } else {
            Sender::User(agent)
        };
        ops::add_message(
            w,
            index,
            NewMessage {
                content: Some((*text).into()),
                message_type: *message_type,
                sender: Some(sender),
                ..NewMessage::default()
            },
        );
    }
    let shift = s.age * 3600.0;
    let conversation_id = w.store.conversations[index].id;
    for m in w
        .store
        .messages
        .iter_mut()
        .filter(|m| m.conversation_id == conversation_id)
    {
        m.created_at -= shift;
        m.updated_at -= shift;
    }
    let c = &mut w.store.conversations[index];
    c.created_at -= shift;
    c.updated_at -= shift;
    c.last_activity_at -= shift;
    c.waiting_since = c.waiting_since.map(|t| t - shift);
    c.first_reply_created_at = c.first_reply_created_at.map(|t| t - shift);
    c.status = s.status.into();
    c.assignee = s.assignee;
    c.team_id = s.team;
    c.labels = s.labels.iter().map(|l| (*l).to_owned()).collect();
    if s.status == "snoozed" {
        c.snoozed_until = Some(now() + 86_400.0);
    }
    if s.status == "resolved" {
        c.waiting_since = None;
    }
}

/// The demo data.
pub(crate) fn demo() -> (Store, Seeded) {
    let (store, mut seeded) = empty();
    let mut w = World {
        store,
        events: Vec::new(),
    };
    let account_id = w.store.id();
    w.store.accounts.push(Account {
        id: account_id,
        name: "Acme Support".into(),
        locale: "en".into(),
        domain: None,
        support_email: Some("support@acme.example".into()),
        status: "active".into(),
        features: DEFAULT_FEATURES.iter().map(|f| (*f).to_owned()).collect(),
        settings: Json::new(),
        custom_attributes: Json::new(),
        limits: Json::new(),
        created_at: now() - 90.0 * 86_400.0,
        next_display_id: 0,
    });
    w.store.platform_apps[0].accounts.push(account_id);
    let (_, admin_token) = user(
        &mut w,
        account_id,
        "Ada Admin",
        "ada@acme.example",
        "administrator",
    );
    let (john, john_token) = user(
        &mut w,
        account_id,
        "John Agent",
        "john@acme.example",
        "agent",
    );
    let (mary, _) = user(
        &mut w,
        account_id,
        "Mary Agent",
        "mary@acme.example",
        "agent",
    );
    let (_, supervisor_token) = user(
        &mut w,
        account_id,
        "Sam Supervisor",
        "sam@acme.example",
        "supervisor",
    );
    let bot_id = w.store.id();
    let bot_token = token(24);
    w.store.agent_bots.push(AgentBot {
        id: bot_id,
        account_id: Some(account_id),
        name: Some("Triage Bot".into()),
        description: Some("Answers first, hands over to a human".into()),
        outgoing_url: Some("http://127.0.0.1:9/bot".into()),
        token: bot_token.clone(),
        secret: token(24),
        bot_config: Json::new(),
        avatar_url: None,
    });
    let (identifier, hmac_token) = (token(24), token(24));
    let api = inbox(
        &mut w,
        account_id,
        "API Inbox",
        Channel::Api {
            identifier: identifier.clone(),
            hmac_token: hmac_token.clone(),
            hmac_mandatory: false,
            webhook_url: None,
            secret: token(24),
            additional_attributes: Json::new(),
        },
    );
    let (website_token, web_hmac_token) = (token(24), token(24));
    let web = inbox(
        &mut w,
        account_id,
        "Website",
        Channel::WebWidget {
            website_url: "https://acme.example".into(),
            website_token: website_token.clone(),
            widget_color: "#1f93ff".into(),
            hmac_token: web_hmac_token.clone(),
            settings: WidgetSettings {
                welcome_title: Some("Hi there!".into()),
                welcome_tagline: Some("We reply within minutes".into()),
                ..WidgetSettings::default()
            },
        },
    );
    w.store
        .inbox_members
        .extend([(api, john), (api, mary), (web, john)]);
    let campaign_id = w.store.id();
    w.store.campaigns.push(Campaign {
        id: campaign_id,
        display_id: 1,
        account_id,
        inbox_id: web,
        message: "Questions about pricing? Ask us!".into(),
        sender_id: Some(john),
        enabled: true,
        trigger_only_during_business_hours: false,
        trigger_rules: json!({"url": "https://acme.example/pricing", "time_on_page": 10})
            .as_object()
            .cloned()
            .unwrap_or_default(),
    });
    let t = now();
    let (support, billing) = (w.store.id(), w.store.id());
    for (id, name) in [(support, "support"), (billing, "billing")] {
        w.store.teams.push(Team {
            id,
            account_id,
            name: name.into(),
            description: None,
            allow_auto_assign: true,
            created_at: t,
            updated_at: t,
        });
    }
    w.store
        .team_members
        .extend([(support, john), (support, mary), (billing, mary)]);
    for (title, color) in [
        ("billing", "#ff6600"),
        ("bug", "#d00000"),
        ("feedback", "#00a060"),
        ("vip", "#7a3cff"),
    ] {
        let id = w.store.id();
        w.store.labels.push(Label {
            id,
            account_id,
            title: title.into(),
            description: None,
            color: color.into(),
            show_on_sidebar: Some(true),
        });
    }
    for (code, text) in [
        ("hello", "Hi {{contact.name}}, thanks for reaching out!"),
        ("thanks", "Thanks for your patience."),
    ] {
        let id = w.store.id();
        w.store.canned_responses.push(CannedResponse {
            id,
            account_id,
            short_code: code.into(),
            content: text.into(),
            created_at: t,
            updated_at: t,
        });
    }
    for (name, key, kind, model, values) in [
        (
            "Plan",
            "plan",
            "list",
            "contact_attribute",
            vec!["free".to_owned(), "pro".to_owned()],
        ),
        (
            "Order id",
            "order_id",
            "text",
            "conversation_attribute",
            vec![],
        ),
    ] {
        let id = w.store.id();
        w.store.attribute_definitions.push(AttributeDefinition {
            id,
            account_id,
            display_name: name.into(),
            display_type: kind.into(),
            description: None,
            key: key.into(),
            regex_pattern: None,
            regex_cue: None,
            values,
            model: model.into(),
            created_at: t,
            updated_at: t,
        });
    }
    let mut contacts = Vec::new();
    for (name, email, plan) in [
        ("Jane Doe", "jane@example.com", "pro"),
        ("Bob Stone", "bob@example.com", "free"),
        ("Carla Diaz", "carla@example.com", "pro"),
        ("Dan Lee", "dan@example.com", "free"),
        ("Eve Park", "eve@example.com", "pro"),
    ] {
        let mut c = ops::blank_contact(account_id);
        c.name = name.into();
        c.email = Some(email.into());
        c.custom_attributes.insert("plan".into(), json!(plan));
        contacts.push(ops::new_contact(&mut w, c));
    }
    let stories = [
        Story {
            contact: contacts[0],
            inbox: api,
            status: "open",
            assignee: None,
            team: None,
            labels: &["billing"],
            lines: &[
                (0, "Hi, my invoice shows the wrong amount."),
                (0, "It's invoice #1042."),
            ],
            age: 2.0,
        },
        Story {
            contact: contacts[1],
            inbox: api,
            status: "open",
            assignee: Some(Assignee::User(john)),
            team: Some(support),
            labels: &["bug"],
            lines: &[
                (0, "The app crashes when I upload a photo."),
                (1, "Sorry about that! Which version are you on?"),
            ],
            age: 5.0,
        },
        Story {
            contact: contacts[2],
            inbox: api,
            status: "pending",
            assignee: Some(Assignee::Bot(bot_id)),
            team: None,
            labels: &[],
            lines: &[(0, "What are your opening hours?")],
            age: 1.0,
        },
        Story {
            contact: contacts[3],
            inbox: api,
            status: "resolved",
            assignee: Some(Assignee::User(mary)),
            team: Some(billing),
            labels: &["billing", "vip"],
            lines: &[
                (0, "Can I get a refund?"),
                (1, "Done, you'll see it in 3 days."),
            ],
            age: 30.0,
        },
        Story {
            contact: contacts[4],
            inbox: api,
            status: "snoozed",
            assignee: Some(Assignee::User(john)),
            team: None,
            labels: &["feedback"],
            lines: &[
                (0, "I'll send the logs tomorrow."),
                (1, "Great, I'll wait for them."),
            ],
            age: 20.0,
        },
        Story {
            contact: contacts[0],
            inbox: web,
            status: "open",
            assignee: Some(Assignee::User(mary)),
            team: Some(support),
            labels: &[],
            lines: &[(0, "Do you ship to Canada?")],
            age: 0.5,
        },
    ];
    for s in stories {
        story(&mut w, account_id, john, s);
    }
    seeded.account_id = Some(account_id);
    seeded.inbox_id = Some(api);
    seeded.inbox_identifier = Some(identifier);
    seeded.hmac_token = Some(hmac_token);
    seeded.admin = Some(admin_token);
    seeded.agent = Some(john_token);
    seeded.supervisor = Some(supervisor_token);
    seeded.bot = Some(bot_token);
    seeded.web_widget = Some((web, website_token, web_hmac_token));
    (w.store, seeded)
}
