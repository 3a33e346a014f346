//! What the call services (S-1, S-6) and the groups callers reach (G-1, G-2, G-6) do to real
//! calls: set through Switchboard's API, pushed to a real Kamailio by the provisioner, and
//! tried with sipp phones that answer, are busy, or ring until the call moves on.

use std::time::{Duration, Instant};

use serde_json::{Value, json};

use crate::on_both_kinds;
use crate::sip::{Login, SipLab, call_row};
use crate::support::Kind;

on_both_kinds!(
    s1_s6_call_services_forward_refuse_and_withhold_in_kamailio,
    s1_s2_phones_ring_along_and_the_trunk_takes_numbers_outside_by_network_class,
    g1_g2_g6_groups_ring_their_members_by_policy_in_kamailio,
    l5_a_deactivated_users_callers_reach_a_call_centre_queue_in_kamailio,
);

/// An active user with a registered phone playing `scenario_file`: id, login, phone port.
async fn with_phone(lab: &mut SipLab, number: &str, scenario_file: &str) -> (String, Login, u16) {
    let (id, login) = lab.create(number).await;
    (id, login, lab.phone_playing(scenario_file))
}

async fn register(lab: &SipLab, login: &Login, phone: u16) {
    assert_eq!(lab.register(login, phone).await, 200, "{login:?} registers");
}

/// Changes the user's call services as an administrator and lets the worker push them.
async fn services(lab: &SipLab, user: &str, changes: Value) {
    let changed = lab
        .t
        .patch(
            &format!("/api/v1/users/{user}/call-services"),
            &lab.t.fx.admin,
            None,
            changes,
        )
        .await;
    assert_eq!(changed.status.as_u16(), 200, "{}", changed.body);
    lab.sync().await;
}

/// S-1 and S-6 as a caller experiences them, every change in force on the next call.
async fn s1_s6_call_services_forward_refuse_and_withhold_in_kamailio(kind: Kind) {
    let Some(mut lab) = SipLab::start(kind).await else {
        return;
    };
    let (ann, ann_login) = lab.create("+493012345650").await;
    let (bob, bob_login, bob_phone) = with_phone(&mut lab, "+493012345651", "answer.xml").await;
    let (carol, carol_login, carol_phone) =
        with_phone(&mut lab, "+493012345652", "answer.xml").await;
    let (_, dave_login, dave_phone) = with_phone(&mut lab, "+493012345653", "answer.xml").await;
    let (erin, _) = lab.create("+493012345654").await;
    let (fay, fay_login, fay_phone) = with_phone(&mut lab, "+493012345655", "ring.xml").await;
    lab.activation_passes().await;
    let ann_busy = lab.phone_playing("busy.xml");
    register(&lab, &ann_login, ann_busy).await;
    register(&lab, &fay_login, fay_phone).await;
    register(&lab, &bob_login, bob_phone).await;
    register(&lab, &carol_login, carol_phone).await;
    register(&lab, &dave_login, dave_phone).await;

    assert_eq!(
        lab.call(&bob_login, "5650").await,
        (486, None),
        "Ann's phone is busy and she forwards nothing"
    );
    services(&lab, &ann, json!({"forward_busy": "5652"})).await;
    assert_eq!(
        lab.call(&bob_login, "5650").await,
        (200, Some(carol_phone)),
        "S-1: busy forwarding reaches Carol"
    );

    services(&lab, &ann, json!({"forward_always": "+493012345653"})).await;
    assert_eq!(
        lab.call(&bob_login, "5650").await,
        (200, Some(dave_phone)),
        "S-1: forwarding of every call, to a number of the enterprise"
    );

    services(
        &lab,
        &ann,
        json!({"forward_always": "", "forward_busy": "", "do_not_disturb": true}),
    )
    .await;
    assert_eq!(
        lab.call(&bob_login, "5650").await,
        (486, None),
        "S-1: do not disturb is busy to every caller"
    );
    services(&lab, &ann, json!({"forward_busy": "5653"})).await;
    assert_eq!(
        lab.call(&bob_login, "5650").await,
        (200, Some(dave_phone)),
        "S-1: with do not disturb, busy forwarding still applies"
    );

    services(
        &lab,
        &fay,
        json!({"forward_no_answer": "5652", "forward_no_answer_rings": 1}),
    )
    .await;
    let started = Instant::now();
    assert_eq!(
        lab.call(&bob_login, "5655").await,
        (200, Some(carol_phone)),
        "S-1: no-answer forwarding reaches Carol"
    );
    let waited = started.elapsed();
    assert!(
        waited >= Duration::from_secs(4) && waited < Duration::from_secs(20),
        "S-1: after one ring (5 s), not at once and not after the 30 s default: {waited:?}"
    );

    // Erin never registered a phone.
    assert_eq!(
        lab.call(&bob_login, "5654").await,
        (480, None),
        "unreachable and not forwarded"
    );
    services(&lab, &erin, json!({"forward_unreachable": "5653"})).await;
    assert_eq!(
        lab.call(&bob_login, "5654").await,
        (200, Some(dave_phone)),
        "S-1: unreachable forwarding reaches Dave"
    );

    services(&lab, &carol, json!({"reject_anonymous": true})).await;
    assert_eq!(
        lab.call(&bob_login, "5652").await,
        (200, Some(carol_phone)),
        "a caller who shows their number is put through"
    );
    services(&lab, &bob, json!({"caller_id": "withheld"})).await;
    assert_eq!(
        lab.call(&bob_login, "5652").await,
        (433, None),
        "S-1/S-6: a caller who withholds their number is refused by anonymous call rejection"
    );
    assert_eq!(
        lab.call(&bob_login, "5653").await,
        (200, Some(dave_phone)),
        "others still take Bob's withheld calls"
    );

    services(
        &lab,
        &ann,
        json!({"do_not_disturb": false, "forward_busy": "", "forward_always": "5654"}),
    )
    .await;
    services(&lab, &erin, json!({"forward_always": "5650"})).await;
    assert_eq!(
        lab.call(&dave_login, "5650").await,
        (482, None),
        "S-1: a circle of forwards ends with a clear answer, not a ringing loop"
    );
    lab.stop().await;
}

/// S-1 simultaneous ring and S-2 shared lines and mobility ring other phones along with the
/// line; numbers outside the enterprise go to the provider's trunk, within the network class
/// (S-2) of whoever dialled or forwarded them.
async fn s1_s2_phones_ring_along_and_the_trunk_takes_numbers_outside_by_network_class(kind: Kind) {
    let Some((mut lab, trunk)) = SipLab::start_with_trunk(kind).await else {
        return;
    };
    let (ann, ann_login, ann_phone) = with_phone(&mut lab, "+493012345670", "ring.xml").await;
    let (bob, bob_login, bob_phone) = with_phone(&mut lab, "+493012345671", "answer.xml").await;
    let (carol, carol_login, carol_phone) =
        with_phone(&mut lab, "+493012345672", "answer.xml").await;
    let (dave, _) = lab.create("+493012345673").await;
    lab.activation_passes().await;
    register(&lab, &ann_login, ann_phone).await;
    register(&lab, &bob_login, bob_phone).await;
    register(&lab, &carol_login, carol_phone).await;

    services(
        &lab,
        &ann,
        json!({"simultaneous_ring": true, "simultaneous_destinations": ["5671"]}),
    )
    .await;
    let started = Instant::now();
    assert_eq!(
        lab.call(&carol_login, "5670").await,
        (200, Some(bob_phone)),
        "S-1: Bob's phone rings along with Ann's and he answers"
    );
    assert!(started.elapsed() < Duration::from_secs(4));

    services(&lab, &ann, json!({"simultaneous_ring": false})).await;
    services(&lab, &carol, json!({"shared_lines": [&ann]})).await;
    assert_eq!(
        lab.call(&bob_login, "5670").await,
        (200, Some(carol_phone)),
        "S-2: Ann's line is on Carol's phone, which rings with hers"
    );
    services(&lab, &carol, json!({"shared_lines": []})).await;
    let started = Instant::now();
    services(
        &lab,
        &ann,
        json!({"forward_no_answer": "5671", "forward_no_answer_rings": 1}),
    )
    .await;
    assert_eq!(
        lab.call(&carol_login, "5670").await,
        (200, Some(bob_phone)),
        "taken off Carol's phone, Ann's line rings hers alone, then forwards"
    );
    assert!(started.elapsed() >= Duration::from_secs(4));

    // Dave has no desk phone registered; his mobile rings through the trunk.
    services(
        &lab,
        &dave,
        json!({"mobility": true, "mobility_number": "+491701234567"}),
    )
    .await;
    assert_eq!(
        lab.call(&bob_login, "5673").await,
        (200, Some(trunk)),
        "S-2: mobility rings the mobile through the provider's trunk"
    );

    assert_eq!(
        lab.call(&bob_login, "+33478000001").await,
        (200, Some(trunk)),
        "a number outside the enterprise goes to the trunk"
    );
    services(&lab, &bob, json!({"network_class": "national"})).await;
    assert_eq!(
        lab.call(&bob_login, "+33478000001").await,
        (403, None),
        "S-2 national: a number abroad is refused"
    );
    assert_eq!(
        lab.call(&bob_login, "+491709999999").await,
        (200, Some(trunk)),
        "S-2 national: a number of the country goes through"
    );
    services(
        &lab,
        &bob,
        json!({"network_class": "internal_only", "forward_always": "+491709999999"}),
    )
    .await;
    assert_eq!(
        lab.call(&bob_login, "+491709999999").await,
        (403, None),
        "S-2 internal only: no number outside"
    );
    assert_eq!(
        lab.call(&carol_login, "5671").await,
        (403, None),
        "S-2: Bob's class keeps his forwarding inside the enterprise too"
    );
    assert_eq!(
        lab.call(&bob_login, "5672").await,
        (200, Some(carol_phone)),
        "internal calls are always allowed"
    );
    lab.stop().await;
}

async fn hunt_group(lab: &SipLab, body: Value, members: &[&str]) -> String {
    let created = lab
        .t
        .post(
            &format!("/api/v1/enterprises/{}/groups", lab.t.fx.enterprise),
            &lab.t.fx.admin,
            body,
        )
        .await;
    assert_eq!(created.status.as_u16(), 201, "{}", created.body);
    let id = created.body["id"].as_str().unwrap().to_owned();
    set_members(lab, &id, members, json!({})).await;
    id
}

async fn set_members(lab: &SipLab, group: &str, members: &[&str], weights: Value) {
    let set = lab
        .t
        .call(
            reqwest::Method::PUT,
            &format!("/api/v1/groups/{group}/members"),
            &lab.t.fx.admin,
            Some(json!({"user_ids": members, "weights": weights})),
            None,
        )
        .await;
    assert_eq!(set.status.as_u16(), 200, "{}", set.body);
    lab.sync().await;
}

async fn change_group(lab: &SipLab, group: &str, changes: Value) {
    let path = format!("/api/v1/groups/{group}");
    let read = lab.t.get(&path, &lab.t.fx.admin).await;
    let changed = lab
        .t
        .patch(
            &path,
            &lab.t.fx.admin,
            read.headers["etag"].to_str().ok(),
            changes,
        )
        .await;
    assert_eq!(changed.status.as_u16(), 200, "{}", changed.body);
    lab.sync().await;
}

/// Who answered each of `calls` calls to `dialled`.
async fn answered_by(lab: &SipLab, caller: &Login, dialled: &str, calls: usize) -> Vec<u16> {
    let mut phones = Vec::new();
    for _ in 0..calls {
        let (status, phone) = lab.call(caller, dialled).await;
        assert_eq!(status, 200, "the group answers");
        phones.push(phone.unwrap());
    }
    phones
}

/// G-1, G-2, G-6: every ring policy decides who rings, a member without a phone is skipped,
/// an unanswered call goes to the group's forward destination, a group is reached by its pool
/// number too, and a deleted group by no one.
async fn g1_g2_g6_groups_ring_their_members_by_policy_in_kamailio(kind: Kind) {
    let Some(mut lab) = SipLab::start(kind).await else {
        return;
    };
    let (_, caller, caller_phone) = with_phone(&mut lab, "+493012345660", "answer.xml").await;
    let (slow, slow_login, slow_phone) = with_phone(&mut lab, "+493012345661", "ring.xml").await;
    let (amy, amy_login, amy_phone) = with_phone(&mut lab, "+493012345662", "answer.xml").await;
    let (ben, ben_login, ben_phone) = with_phone(&mut lab, "+493012345663", "answer.xml").await;
    // Active, but no phone registered.
    let (newcomer, _) = lab.create("+493012345664").await;
    lab.activation_passes().await;
    for (login, phone) in [
        (&caller, caller_phone),
        (&slow_login, slow_phone),
        (&amy_login, amy_phone),
        (&ben_login, ben_phone),
    ] {
        register(&lab, login, phone).await;
    }

    let hotline = hunt_group(
        &lab,
        json!({"site_id": lab.t.fx.berlin.to_string(), "kind": "hunt", "name": "Hotline",
               "extension": "700", "ring_policy": "sequential", "no_answer_seconds": 5,
               "number": "+493012345699"}),
        &[&newcomer, &slow, &amy, &ben],
    )
    .await;
    let started = Instant::now();
    assert_eq!(
        lab.call(&caller, "700").await,
        (200, Some(amy_phone)),
        "G-1 sequential: a member without a phone is skipped, the next rings out, the next answers"
    );
    assert!(
        started.elapsed() >= Duration::from_secs(4),
        "the first member rang for the no-answer time first: {:?}",
        started.elapsed()
    );
    assert_eq!(
        lab.call(&caller, "+493012345699").await,
        (200, Some(amy_phone)),
        "G-1: callers reach the group by its number from the pool"
    );

    // One member who answers, so that no two answers race.
    change_group(&lab, &hotline, json!({"ring_policy": "simultaneous"})).await;
    set_members(&lab, &hotline, &[&newcomer, &slow, &amy], json!({})).await;
    let started = Instant::now();
    assert_eq!(
        lab.call(&caller, "700").await,
        (200, Some(amy_phone)),
        "G-1 simultaneous: the members ring at once"
    );
    assert!(
        started.elapsed() < Duration::from_secs(4),
        "Amy answered while the first member still rang: {:?}",
        started.elapsed()
    );

    change_group(&lab, &hotline, json!({"ring_policy": "circular"})).await;
    set_members(&lab, &hotline, &[&amy, &ben], json!({})).await;
    assert_eq!(
        answered_by(&lab, &caller, "700", 3).await,
        vec![ben_phone, amy_phone, ben_phone],
        "G-1 circular: each call starts after the member offered the last one (Amy took the last)"
    );

    change_group(&lab, &hotline, json!({"ring_policy": "uniform"})).await;
    let first = answered_by(&lab, &caller, "700", 1).await[0];
    let other = if first == amy_phone {
        ben_phone
    } else {
        amy_phone
    };
    assert_eq!(
        answered_by(&lab, &caller, "700", 2).await,
        vec![other, first],
        "G-1 uniform: the member who answered longest ago is offered the call\n{}",
        lab.kamailio_log(30)
    );

    change_group(&lab, &hotline, json!({"ring_policy": "weighted"})).await;
    let mut weights = serde_json::Map::new();
    weights.insert(ben.clone(), json!(100));
    set_members(&lab, &hotline, &[&amy, &ben], Value::Object(weights)).await;
    let phones = answered_by(&lab, &caller, "700", 8).await;
    let to_ben = phones.iter().filter(|p| **p == ben_phone).count();
    assert!(
        to_ben >= 6,
        "G-1 weighted: Ben's weight of 100 against Amy's 1 takes nearly every call: {phones:?}"
    );

    change_group(
        &lab,
        &hotline,
        json!({"ring_policy": "sequential", "forward_to": "5663"}),
    )
    .await;
    set_members(&lab, &hotline, &[&slow], json!({})).await;
    assert_eq!(
        lab.call(&caller, "700").await,
        (200, Some(ben_phone)),
        "G-1: when no member answers, the call goes to the forward destination"
    );

    let centre = lab
        .t
        .post(
            &format!("/api/v1/enterprises/{}/groups", lab.t.fx.enterprise),
            &lab.t.fx.admin,
            json!({"site_id": lab.t.fx.berlin.to_string(), "kind": "call_centre",
                   "name": "Support", "extension": "800"}),
        )
        .await;
    assert_eq!(centre.status.as_u16(), 201, "{}", centre.body);
    let centre = centre.body["id"].as_str().unwrap().to_owned();
    set_members(&lab, &centre, &[&ben], json!({})).await;
    assert_eq!(
        lab.call(&caller, "800").await,
        (200, Some(ben_phone)),
        "G-2: a call centre rings its agents"
    );
    let forwarded = lab
        .t
        .patch(
            &format!("/api/v1/groups/{centre}/call-services"),
            &lab.t.fx.admin,
            None,
            json!({"forward_always": "5662"}),
        )
        .await;
    assert_eq!(forwarded.status.as_u16(), 200, "{}", forwarded.body);
    lab.sync().await;
    assert_eq!(
        lab.call(&caller, "800").await,
        (200, Some(amy_phone)),
        "S-3: the call centre forwards every call while it is set"
    );
    let back = lab
        .t
        .patch(
            &format!("/api/v1/groups/{centre}/call-services"),
            &lab.t.fx.admin,
            None,
            json!({"forward_always": ""}),
        )
        .await;
    assert_eq!(back.status.as_u16(), 200, "{}", back.body);
    lab.sync().await;

    let attendant = lab
        .t
        .post(
            &format!("/api/v1/enterprises/{}/groups", lab.t.fx.enterprise),
            &lab.t.fx.admin,
            json!({"site_id": lab.t.fx.berlin.to_string(), "kind": "auto_attendant",
                   "name": "Reception", "extension": "900",
                   "menu": {"business": {"keys": {"1": "800"}}}}),
        )
        .await;
    assert_eq!(attendant.status.as_u16(), 201, "{}", attendant.body);
    lab.sync().await;
    assert_eq!(
        lab.call(&caller, "900").await,
        (480, None),
        "G-6: an auto attendant is known, and needs a media server to play its menu"
    );

    if std::env::var("SWITCHBOARD_SIP_FIGURES").is_ok() {
        routing_figures(&lab, &caller, kind).await;
    }

    // T-3: a lost write is repaired by the resync, which names the group.
    let kamailio_db = switchboard_store::Db::connect(&lab.provisioner_db.url)
        .await
        .unwrap();
    let mut conn = kamailio_db.begin().await.unwrap();
    sqlx::query("DELETE FROM switchboard_groups WHERE extension = '800'")
        .execute(&mut *conn)
        .await
        .unwrap();
    conn.commit().await.unwrap();
    assert_eq!(lab.call(&caller, "800").await, (404, None), "the drift");
    let report = lab
        .t
        .app
        .jobs()
        .resync_provisioning(&switchboard_app::Actor::system("test"))
        .await
        .unwrap();
    assert!(
        report.added.iter().any(|g| g.starts_with("group 800@")),
        "T-3: the resync says what it repaired: {report:?}"
    );
    assert_eq!(lab.call(&caller, "800").await, (200, Some(ben_phone)));

    let deleted = lab
        .t
        .delete(&format!("/api/v1/groups/{hotline}"), &lab.t.fx.admin)
        .await;
    assert_eq!(deleted.status.as_u16(), 204, "{}", deleted.body);
    lab.sync().await;
    assert_eq!(
        lab.call(&caller, "700").await,
        (404, None),
        "a deleted group is reached by no one"
    );
    assert_eq!(lab.call(&caller, "+493012345699").await, (404, None));
    lab.stop().await;
}

/// Figures for docs/performance.md, taken on demand (`SWITCHBOARD_SIP_FIGURES=1 cargo test -p
/// switchboard --test it sip_routing::g1 -- --nocapture`): printed, never asserted. 1,000 calls
/// each to a line and to a call centre, sipp sending at most 2,000 a second, 200 at a time.
/// Under load a phone's 180 may reach the caller after its 200 (the caller lets that be); a call
/// that hears nothing for 5 s fails, and the failures are counted.
async fn routing_figures(lab: &SipLab, caller: &Login, kind: Kind) {
    for (what, dialled) in [("a line", "5663"), ("a call centre", "800")] {
        let rows: Vec<String> = (0..1000).map(|_| call_row(caller, dialled)).collect();
        let started = Instant::now();
        let run = lab
            .sipp_run("call.xml", &rows, 2000, &["-recv_timeout", "5000"])
            .await;
        let elapsed = started.elapsed();
        let answered = run
            .logged
            .iter()
            .filter(|l| l.starts_with("CALL 200"))
            .count();
        println!(
            "routing ({kind:?}): {answered} of 1000 calls to {what} answered in {:.2} s ({:.0} calls/s)",
            elapsed.as_secs_f64(),
            answered as f64 / elapsed.as_secs_f64()
        );
    }
}

/// L-5: a deactivated user's callers are sent to a call-centre queue of the same site, which
/// rings its agent; the queue is reached by its extension, so a new extension is followed on
/// the next call with no push of the deactivated user.
async fn l5_a_deactivated_users_callers_reach_a_call_centre_queue_in_kamailio(kind: Kind) {
    let Some(mut lab) = SipLab::start(kind).await else {
        return;
    };
    let (_, caller, caller_phone) = with_phone(&mut lab, "+493012345670", "answer.xml").await;
    let (agent, agent_login, agent_phone) =
        with_phone(&mut lab, "+493012345671", "answer.xml").await;
    let (leaver, leaver_login, leaver_phone) =
        with_phone(&mut lab, "+493012345672", "answer.xml").await;
    lab.activation_passes().await;
    for (login, phone) in [
        (&caller, caller_phone),
        (&agent_login, agent_phone),
        (&leaver_login, leaver_phone),
    ] {
        register(&lab, login, phone).await;
    }
    let centre = hunt_group(
        &lab,
        json!({"site_id": lab.t.fx.berlin.to_string(), "kind": "call_centre",
               "name": "Kundenservice", "extension": "800"}),
        &[&agent],
    )
    .await;
    let deactivated = lab
        .t
        .post(
            &format!("/api/v1/users/{leaver}/deactivate"),
            &lab.t.fx.admin,
            json!({"action": "transfer_on_zero", "destination_queue_id": centre}),
        )
        .await;
    assert_eq!(deactivated.status.as_u16(), 200, "{}", deactivated.body);
    lab.sync().await;
    assert_eq!(
        lab.call(&caller, "5672").await,
        (200, Some(agent_phone)),
        "L-5: the deactivated user's caller reaches the queue's agent\n{}",
        lab.kamailio_log(30)
    );
    change_group(&lab, &centre, json!({"extension": "810"})).await;
    assert_eq!(
        lab.call(&caller, "+493012345672").await,
        (200, Some(agent_phone)),
        "L-5: the queue is followed when its extension changes"
    );
    lab.stop().await;
}
