//! Reports: a conversation written in, answered, resolved and rated through the API shows up in
//! every report (v2 reports, summary and live reports, CSV downloads, CSAT, reporting events).

use crate::support::{Emu, status};
use liveagent::api::*;
use liveagent::models::*;
use serde_json::json;

fn now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs() as i64
}

pub(crate) async fn reports(emu: &Emu) {
    let admin = emu.user("admin");
    let agent = emu.user("agent");
    assert_eq!(
        status(
            agent
                .get_report_summary(GetReportSummaryParams::new())
                .await
        ),
        401,
        "reports are for administrators"
    );
    let live_before = admin
        .get_account_conversation_metrics(GetAccountConversationMetricsParams::new("account"))
        .await
        .unwrap();
    let (since, until) = (now() - 3600, now() + 3600);
    let summary_before = admin
        .get_report_summary(GetReportSummaryParams::new().since(since).until(until))
        .await
        .unwrap();

    // A visitor writes in; an agent answers; the conversation is resolved and rated.
    let widget = emu.public();
    let ii = emu.inbox_identifier();
    let me = widget
        .create_public_contact(CreatePublicContactParams::new(ii.as_str()).name("Reporter"))
        .await
        .unwrap();
    let ci = me.source_id().to_owned();
    let id = widget
        .create_public_conversation(CreatePublicConversationParams::new(
            ii.as_str(),
            ci.as_str(),
        ))
        .await
        .unwrap()
        .id;
    widget
        .create_public_message(
            CreatePublicMessageParams::new(ii.as_str(), ci.as_str(), id).content("Help?"),
        )
        .await
        .unwrap();
    let live_open = admin
        .get_live_conversation_metrics(GetLiveConversationMetricsParams::new())
        .await
        .unwrap();
    assert_eq!(live_open.open(), live_before.open() + 1);
    admin
        .create_message(CreateMessageParams::new(id).content("Here to help"))
        .await
        .unwrap();
    // The visitor resolves it: the inbox has CSAT on, so a survey follows, and is answered.
    let resolved = widget
        .resolve_public_conversation(ResolvePublicConversationParams::new(
            ii.as_str(),
            ci.as_str(),
            id,
        ))
        .await
        .unwrap();
    let uuid = resolved.uuid().to_owned();
    widget
        .update_public_csat_survey(UpdatePublicCsatSurveyParams::new(
            uuid.as_str(),
            CsatSurveyAnswer::new(
                json!({"csat_survey_response": {"rating": 4, "feedback_message": "fine"}})
                    .as_object()
                    .unwrap()
                    .clone(),
            ),
        ))
        .await
        .unwrap();

    let live_after = admin
        .get_account_conversation_metrics(GetAccountConversationMetricsParams::new("account"))
        .await
        .unwrap();
    assert_eq!(
        live_after.open(),
        live_before.open(),
        "resolved: no longer open"
    );
    assert_eq!(live_after.pending(), 0);

    let summary = admin
        .get_report_summary(GetReportSummaryParams::new().since(since).until(until))
        .await
        .unwrap();
    assert_eq!(
        summary.resolutions_count(),
        summary_before.resolutions_count() + 1
    );
    assert_eq!(
        summary.conversations_count(),
        summary_before.conversations_count() + 1
    );
    assert!(summary.incoming_messages_count() > summary_before.incoming_messages_count());
    assert!(summary.avg_resolution_time.is_some());
    assert!(summary.previous.is_some());
    let past = admin
        .get_report_summary(GetReportSummaryParams::new().since(1).until(2))
        .await
        .unwrap();
    assert_eq!(
        (past.conversations_count(), past.resolutions_count()),
        (0, 0)
    );
    assert_eq!(past.avg_resolution_time, None, "no events: null");

    let series = admin
        .get_report_timeseries(
            GetReportTimeseriesParams::new("resolutions_count")
                .since(since)
                .until(until)
                .group_by("hour"),
        )
        .await
        .unwrap();
    let total: f64 = series.iter().filter_map(|p| p.value).sum();
    assert_eq!(total as i64, summary.resolutions_count());
    let averages = admin
        .get_report_timeseries(
            GetReportTimeseriesParams::new(ReportMetric::AvgFirstResponseTime)
                .since(since)
                .until(until),
        )
        .await
        .unwrap();
    assert!(averages.iter().any(|p| p.count.unwrap_or(0) > 0));
    let inbox_series = admin
        .get_report_timeseries(
            GetReportTimeseriesParams::new("conversations_count")
                .r#type(ReportType::Inbox)
                .id(emu.inbox_id())
                .since(since)
                .until(until),
        )
        .await
        .unwrap();
    assert!(inbox_series.iter().filter_map(|p| p.value).sum::<f64>() >= 1.0);
    assert_eq!(
        status(
            admin
                .get_report_timeseries(
                    GetReportTimeseriesParams::new("conversations_count")
                        .r#type(ReportType::Inbox)
                        .id(999_999u64)
                )
                .await
        ),
        404
    );

    let events = admin
        .list_reporting_events(ListReportingEventsParams::new().name("conversation_resolved"))
        .await
        .unwrap();
    assert!(!events.payload.is_empty());
    assert!(
        events
            .payload
            .iter()
            .all(|e| e.name() == "conversation_resolved")
    );
    assert_eq!(events.meta.unwrap().count(), events.payload.len() as i64);
    let frt = admin
        .get_first_response_time_distribution(
            GetFirstResponseTimeDistributionParams::new()
                .since(since)
                .until(until),
        )
        .await
        .unwrap();
    assert!(
        frt.values()
            .flatten()
            .any(|b| b.get("0-1h").copied().flatten().unwrap_or(0) > 0)
    );

    let agents = admin
        .get_agent_summary_report(GetAgentSummaryReportParams::new().since(since).until(until))
        .await
        .unwrap();
    assert!(!agents.is_empty());
    let inboxes = admin
        .get_inbox_summary_report(GetInboxSummaryReportParams::new().since(since).until(until))
        .await
        .unwrap();
    let ours = inboxes
        .iter()
        .find(|r| r.id.get() == emu.inbox_id())
        .unwrap();
    assert!(ours.resolved_conversations_count() >= 1);
    admin
        .get_team_summary_report(GetTeamSummaryReportParams::new())
        .await
        .unwrap();
    let labels = admin
        .get_label_summary_report(GetLabelSummaryReportParams::new())
        .await
        .unwrap();
    assert!(
        labels
            .iter()
            .any(|l| l.name() == "billing" && l.conversations_count() >= 1)
    );
    let channels = admin
        .get_channel_summary_report(GetChannelSummaryReportParams::new())
        .await
        .unwrap();
    let total: i64 = channels.values().flatten().map(|c| c.total()).sum();
    assert!(total >= 7);
    assert_eq!(
        status(
            admin
                .get_channel_summary_report(
                    GetChannelSummaryReportParams::new().since(0).until(now())
                )
                .await
        ),
        422,
        "more than 6 months"
    );

    let per_agent = admin
        .get_agent_conversation_metrics(GetAgentConversationMetricsParams::new("agent"))
        .await
        .unwrap();
    assert!(per_agent.len() >= 3);
    let grouped = admin
        .get_grouped_conversation_metrics(GetGroupedConversationMetricsParams::new(
            LiveGroupBy::AssigneeId,
        ))
        .await
        .unwrap();
    assert_eq!(
        grouped.iter().map(|g| g.open()).sum::<i64>(),
        live_after.open()
    );
    assert_eq!(
        status(
            admin
                .get_grouped_conversation_metrics(GetGroupedConversationMetricsParams::new(
                    "inbox_id"
                ))
                .await
        ),
        422
    );
    let matrix = admin
        .get_inbox_label_matrix(GetInboxLabelMatrixParams::new())
        .await
        .unwrap();
    assert_eq!(matrix.matrix.len(), matrix.inboxes.len());
    assert!(matrix.matrix.iter().flatten().sum::<i64>() >= 1);
    let sent = admin
        .get_outgoing_messages_count(GetOutgoingMessagesCountParams::new(
            OutgoingMessagesGroupBy::Inbox,
        ))
        .await
        .unwrap();
    assert!(sent.iter().any(|s| s.outgoing_messages_count() >= 1));
    assert_eq!(
        status(
            admin
                .get_outgoing_messages_count(GetOutgoingMessagesCountParams::new("contact"))
                .await
        ),
        422
    );
    let bots = admin
        .get_bot_metrics(GetBotMetricsParams::new())
        .await
        .unwrap();
    assert!(bots.conversation_count() >= 1, "the seeded bot holds one");
    admin
        .get_bot_report_summary(GetBotReportSummaryParams::new())
        .await
        .unwrap();

    // CSV downloads.
    let agents_csv = admin
        .download_agents_report(DownloadAgentsReportParams::new(since, until))
        .await
        .unwrap();
    assert!(agents_csv.starts_with("Reporting period "));
    assert!(agents_csv.contains("Agent name,Assigned conversations"));
    for csv in [
        admin
            .download_inboxes_report(DownloadInboxesReportParams::new(since, until))
            .await
            .unwrap(),
        admin
            .download_labels_report(DownloadLabelsReportParams::new(since, until))
            .await
            .unwrap(),
        admin
            .download_teams_report(DownloadTeamsReportParams::new(since, until))
            .await
            .unwrap(),
    ] {
        assert!(csv.lines().count() >= 4, "{csv}");
    }
    let summary_csv = admin
        .download_conversations_summary_report(DownloadConversationsSummaryReportParams::new(
            since, until,
        ))
        .await
        .unwrap();
    let figures = summary_csv.lines().last().unwrap();
    assert!(figures.starts_with(&format!("{},", summary.conversations_count())));
    let traffic = admin
        .download_conversation_traffic_report(DownloadConversationTrafficReportParams::new())
        .await
        .unwrap();
    assert!(traffic.starts_with("Timezone,"));
    assert_eq!(traffic.lines().filter(|l| l.contains(":00,")).count(), 24);

    // CSAT: the rating given through the public survey.
    let responses = admin
        .list_csat_survey_responses(ListCsatSurveyResponsesParams::new())
        .await
        .unwrap();
    let metrics = admin
        .get_csat_survey_metrics(GetCsatSurveyMetricsParams::new())
        .await
        .unwrap();
    assert_eq!(metrics.total_count(), responses.len() as i64);
    let rated = responses.iter().find(|r| r.rating() == 4).unwrap();
    assert_eq!(rated.feedback_message.as_deref(), Some("fine"));
    assert_eq!(rated.conversation_id, Some(id));
    assert_eq!(metrics.ratings_count["4"], Some(1));
    assert!(metrics.total_sent_messages_count() >= 1);
    let csv = admin
        .download_csat_survey_responses(DownloadCsatSurveyResponsesParams::new(since, until))
        .await
        .unwrap();
    assert!(csv.starts_with("Agent Name,Rating"));
    assert_eq!(csv.lines().count(), responses.len() + 2);
    let none = admin
        .list_csat_survey_responses(ListCsatSurveyResponsesParams::new().rating([6i64].to_vec()))
        .await
        .unwrap();
    assert!(none.is_empty());

    let logs = admin
        .list_audit_logs(ListAuditLogsParams::new())
        .await
        .unwrap();
    assert_eq!((logs.per_page(), logs.current_page()), (25, 1));
    assert_eq!(
        status(agent.list_audit_logs(ListAuditLogsParams::new()).await),
        401
    );
}

#[tokio::test]
async fn resolved_conversations_show_in_reports() {
    let emu = Emu::start().await;
    reports(&emu).await;
}
