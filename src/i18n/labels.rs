//! The domain's vocabularies and the refusals of typed values, in words.

use crate::domain::{
    ActionStatus, FundingSource, IndicatorKind, MeetingBody, OrgKind, PlanKind, PlanStatus, Weather,
};

use super::{Lang, T};

/// Why a typed date is refused, in words.
pub fn date_input_error(e: &crate::domain::input::DateInputError) -> T {
    use crate::domain::input::DateInputError as E;
    match e {
        E::Empty | E::NotADate => T::TuiBadDate,
        E::NoSuchDay => T::ValDateNoSuchDay,
        E::OutOfRange => T::ValDateOutOfRange,
        E::BadUnit => T::ValDateBadUnit,
    }
}

/// Why a typed amount is refused, in words.
pub fn amount_error(e: &crate::domain::MoneyError) -> T {
    use crate::domain::MoneyError as E;
    match e {
        E::Empty | E::Invalid(_) => T::TuiBadAmount,
        E::Negative(_) => T::ValAmountNegative,
        E::TooManyDecimals(_) => T::ValAmountSubCent,
        E::TooLarge(_) => T::ValAmountTooLarge,
    }
}

pub fn status_label(lang: Lang, s: ActionStatus) -> &'static str {
    lang.t(match s {
        ActionStatus::Todo => T::StatusTodo,
        ActionStatus::InProgress => T::StatusInProgress,
        ActionStatus::OnHold => T::StatusOnHold,
        ActionStatus::Done => T::StatusDone,
        ActionStatus::Abandoned => T::StatusAbandoned,
    })
}

pub fn plan_kind_label(lang: Lang, k: PlanKind) -> &'static str {
    lang.t(match k {
        PlanKind::CtsRoadmap => T::PlanCtsRoadmap,
        PlanKind::Cpom => T::PlanCpom,
        PlanKind::PerformanceContract => T::PlanPerformance,
        PlanKind::Other => T::PlanOther,
    })
}

pub fn plan_status_label(lang: Lang, s: PlanStatus) -> &'static str {
    lang.t(match s {
        PlanStatus::Draft => T::PlanDraft,
        PlanStatus::Consultation => T::PlanConsultation,
        PlanStatus::Adopted => T::PlanAdopted,
        PlanStatus::InForce => T::PlanInForce,
        PlanStatus::Closed => T::PlanClosed,
    })
}

pub fn org_kind_label(lang: Lang, k: OrgKind) -> &'static str {
    lang.t(match k {
        OrgKind::ArsHeadquarters => T::OrgArsHq,
        OrgKind::ArsDelegation => T::OrgArsDd,
        OrgKind::HealthInsurance => T::OrgHealthInsurance,
        OrgKind::LocalAuthority => T::OrgLocalAuthority,
        OrgKind::Hospital => T::OrgHospital,
        OrgKind::Ght => T::OrgGht,
        OrgKind::Cpts => T::OrgCpts,
        OrgKind::Urps => T::OrgUrps,
        OrgKind::Association => T::OrgAssociation,
        OrgKind::Education => T::OrgEducation,
        OrgKind::StateService => T::OrgState,
        OrgKind::Other => T::OrgOther,
    })
}

pub fn source_label(lang: Lang, s: FundingSource) -> &'static str {
    lang.t(match s {
        FundingSource::Fir => T::SourceFir,
        FundingSource::HealthInsurance => T::SourceHealthInsurance,
        FundingSource::LocalAuthority => T::SourceLocalAuthority,
        FundingSource::State => T::SourceState,
        FundingSource::Europe => T::SourceEurope,
        FundingSource::OwnFunds => T::SourceOwnFunds,
        FundingSource::Other => T::SourceOther,
    })
}

pub fn weather_label(lang: Lang, w: Weather) -> &'static str {
    lang.t(match w {
        Weather::Green => T::WeatherGreen,
        Weather::Orange => T::WeatherOrange,
        Weather::Red => T::WeatherRed,
    })
}

pub fn indicator_kind_label(lang: Lang, k: IndicatorKind) -> &'static str {
    lang.t(match k {
        IndicatorKind::Output => T::IndicatorOutput,
        IndicatorKind::Outcome => T::IndicatorOutcome,
        IndicatorKind::Impact => T::IndicatorImpact,
    })
}

/// A meeting's body in words: CTS, Copil, another body.
pub fn meeting_body_label(lang: Lang, b: MeetingBody) -> &'static str {
    lang.t(match b {
        MeetingBody::Cts => T::MtgBodyCts,
        MeetingBody::Copil => T::MtgBodyCopil,
        MeetingBody::Other => T::MtgBodyOther,
    })
}
