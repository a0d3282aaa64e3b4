use crate::routes::*;
use leptos::prelude::*;
use leptos_meta::{HashedStylesheet, MetaTags, Title, provide_meta_context};
use leptos_router::{
    SsrMode,
    components::{Route, Router, Routes},
    path,
};

/// The HTML document around every page (server only).
pub fn shell(options: LeptosOptions) -> impl IntoView {
    // 长辈版 is one class on the root: every page scales through the CSS variables.
    let elder = crate::session::elder().then_some("elder");
    view! {
        <!DOCTYPE html>
        <html lang="zh-CN" class=elder>
            <head>
                <meta charset="utf-8"/>
                <meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover"/>
                <meta name="theme-color" content="#1d64d8"/>
                <meta name="format-detection" content="telephone=no"/>
                <link rel="icon" href="/favicon.svg" type="image/svg+xml"/>
                <HashedStylesheet options=options.clone() id="leptos"/>
                <HydrationScripts options islands=cfg!(feature = "islands")/>
                <MetaTags/>
            </head>
            <body>
                <App/>
            </body>
        </html>
    }
}

/// Every route renders fully on the server before the first byte (`SsrMode::Async`): the page
/// then works with JavaScript off, and a missing record can still answer 404.
#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    view! {
        <Title formatter=|page: String| {
            if page.is_empty() || page == crate::i18n::APP_NAME {
                crate::i18n::APP_NAME.to_owned()
            } else {
                format!("{page} - {}", crate::i18n::APP_NAME)
            }
        }/>
        <Router>
            <Routes fallback=NotFound>
                <Route path=path!("/") view=HomePage ssr=SsrMode::Async/>
                <Route path=path!("/guide/:code") view=GuidePage ssr=SsrMode::Async/>
                <Route path=path!("/services") view=BrowsePage ssr=SsrMode::Async/>
                <Route path=path!("/theme/:slug") view=ThemePage ssr=SsrMode::Async/>
                <Route path=path!("/department/:code") view=DepartmentPage ssr=SsrMode::Async/>
                <Route path=path!("/bundles/:code") view=BundlePage ssr=SsrMode::Async/>
                <Route path=path!("/progress") view=ProgressPage ssr=SsrMode::Async/>
                <Route path=path!("/track") view=TrackPage ssr=SsrMode::Async/>
                <Route path=path!("/verify/:code") view=CertificateCheckPage ssr=SsrMode::Async/>
                <Route path=path!("/cases/:id") view=CasePage ssr=SsrMode::Async/>
                <Route path=path!("/cases/:id/edit") view=CaseEditPage ssr=SsrMode::Async/>
                <Route path=path!("/staff/cases") view=StaffCasesPage ssr=SsrMode::Async/>
                <Route path=path!("/staff/cases/:id") view=StaffCasePage ssr=SsrMode::Async/>
                <Route path=path!("/login") view=LoginPage ssr=SsrMode::Async/>
                <Route path=path!("/me") view=MePage ssr=SsrMode::Async/>
                <Route path=path!("/me/verify") view=VerifyPage ssr=SsrMode::Async/>
                <Route path=path!("/me/elder") view=ElderPage ssr=SsrMode::Async/>
                <Route path=path!("/me/family") view=FamilyPage ssr=SsrMode::Async/>
                <Route path=path!("/me/family/:id") view=FamilyMemberPage ssr=SsrMode::Async/>
                <Route path=path!("/me/addresses") view=AddressesPage ssr=SsrMode::Async/>
                <Route path=path!("/me/delete") view=ErasePage ssr=SsrMode::Async/>
                <Route path=path!("/dev/outbox") view=DevOutboxPage ssr=SsrMode::Async/>
                <Route path=path!("/staff") view=StaffSignInPage ssr=SsrMode::Async/>
                <Route path=path!("/staff/home") view=StaffHomePage ssr=SsrMode::Async/>
                <Route path=path!("/staff/accounts") view=StaffAccountsPage ssr=SsrMode::Async/>
                <Route path=path!("/staff/accounts/:id") view=StaffAccountPage ssr=SsrMode::Async/>
                <Route path=path!("/search") view=SearchPage ssr=SsrMode::Async/>
                // Booking and applying are the next issues' work; the guide already links there.
                <Route path=path!("/book") view=BookIndexPage ssr=SsrMode::Async/>
                <Route path=path!("/book/:code") view=BookPage ssr=SsrMode::Async/>
                <Route path=path!("/me/bookings") view=MyBookingsPage ssr=SsrMode::Async/>
                <Route path=path!("/me/bookings/:code") view=BookingPage ssr=SsrMode::Async/>
                <Route path=path!("/staff/desk") view=DeskPage ssr=SsrMode::Async/>
                <Route path=path!("/staff/calendar") view=CalendarPage ssr=SsrMode::Async/>
                <Route path=path!("/apply/:code") view=ApplyPage ssr=SsrMode::Async/>
                <Route path=path!("/staff/search-misses") view=SearchMissesPage ssr=SsrMode::Async/>
            </Routes>
        </Router>
    }
}
