//! Paging, sorting and searching of the accounts list, shared by the page and the
//! API: the parameters (`q`, `sort`, `dir`, `page`, `per_page`), their checks and
//! the links to the neighbouring pages.

use keyplan_domain::Message;
use keyplan_store::{AccountFilter, AccountSort};
use serde::Deserialize;

use crate::AppError;

/// Accounts on one page of the list (and of the API, unless `per_page` says otherwise).
pub const PAGE_SIZE: i64 = 50;
/// The most accounts the API hands out at once.
pub const MAX_PER_PAGE: i64 = 200;

/// The parameters as typed; every one optional.
#[derive(Clone, Debug, Default, Deserialize, utoipa::IntoParams)]
pub struct RawListQuery {
    /// Part of the name, industry, region or CRM id (case-insensitive).
    pub q: Option<String>,
    /// `name` (default), `potential`, `share` (share of wallet), `revenue` or `plan_state`.
    pub sort: Option<String>,
    /// `asc` (default) or `desc`; accounts lacking the sorted figure come last either way.
    pub dir: Option<String>,
    /// The page, from 1.
    #[param(value_type = Option<i64>)]
    pub page: Option<String>,
    /// Accounts per page, 1 to 200 (default 50).
    #[param(value_type = Option<i64>)]
    pub per_page: Option<String>,
    #[param(value_type = Option<i64>)]
    pub owner_id: Option<String>,
    /// Older form of paging: the number of accounts (like `per_page`).
    #[param(value_type = Option<i64>)]
    pub limit: Option<String>,
    /// Older form of paging: accounts to skip.
    #[param(value_type = Option<i64>)]
    pub offset: Option<String>,
}

/// Checked parameters.
#[derive(Clone, Debug)]
pub struct ListParams {
    pub q: String,
    pub sort: AccountSort,
    pub descending: bool,
    /// 1-based; with `offset` paging, the page the offset falls on.
    pub page: i64,
    pub per_page: i64,
    pub offset: i64,
    /// The caller paged with `limit`/`offset`: links keep that form.
    pub legacy: bool,
}

fn whole(field: &str, raw: Option<&str>, min: i64, max: i64, message: Message) -> Result<Option<i64>, AppError> {
    match raw.map(str::trim) {
        None | Some("") => Ok(None),
        Some(v) => match v.parse::<i64>() {
            Ok(n) if n >= min && n <= max => Ok(Some(n)),
            _ => Err(AppError::field(field, message)),
        },
    }
}

impl ListParams {
    pub fn parse(raw: &RawListQuery) -> Result<ListParams, AppError> {
        let sort = match raw.sort.as_deref().map(str::trim) {
            None | Some("") => AccountSort::Name,
            Some(s) => AccountSort::parse(s).ok_or_else(|| AppError::field("sort", Message::new("listing-err-sort")))?,
        };
        let descending = match raw.dir.as_deref().map(str::trim) {
            None | Some("") | Some("asc") => false,
            Some("desc") => true,
            Some(_) => return Err(AppError::field("dir", Message::new("listing-err-dir"))),
        };
        let per_page_msg = || Message::new("listing-err-per-page").arg("max", MAX_PER_PAGE.to_string());
        let page = whole("page", raw.page.as_deref(), 1, i64::MAX / (MAX_PER_PAGE + 1), Message::new("listing-err-page"))?;
        let per_page = whole("per_page", raw.per_page.as_deref(), 1, MAX_PER_PAGE, per_page_msg())?;
        let limit = whole("limit", raw.limit.as_deref(), 1, MAX_PER_PAGE, per_page_msg())?;
        let offset = whole("offset", raw.offset.as_deref(), 0, i64::MAX / 2, Message::new("templates-err-whole"))?;
        let per_page = per_page.or(limit).unwrap_or(PAGE_SIZE);
        let legacy = page.is_none() && (offset.is_some() || limit.is_some());
        let offset = match (page, offset) {
            (Some(p), _) => (p - 1) * per_page,
            (None, Some(o)) => o,
            (None, None) => 0,
        };
        Ok(ListParams {
            q: raw.q.clone().unwrap_or_default().trim().to_string(),
            sort,
            descending,
            page: offset / per_page + 1,
            per_page,
            offset,
            legacy,
        })
    }

    pub fn filter(&self) -> AccountFilter {
        AccountFilter {
            search: Some(self.q.clone()),
            sort: self.sort,
            descending: self.descending,
            limit: self.per_page,
            offset: self.offset,
            ..Default::default()
        }
    }

    pub fn has_next(&self, total: i64) -> bool {
        self.offset + self.per_page < total
    }

    pub fn has_prev(&self) -> bool {
        self.offset > 0
    }

    pub fn pages(&self, total: i64) -> i64 {
        ((total + self.per_page - 1) / self.per_page).max(1)
    }

    /// The query string of the page `delta` pages away (-1, +1), keeping search and
    /// order; `per_page` only when it differs from the default (or `force`).
    pub fn query_for(&self, delta: i64, force_per_page: bool) -> String {
        let mut parts: Vec<(&str, String)> = Vec::new();
        if !self.q.is_empty() {
            parts.push(("q", self.q.clone()));
        }
        if self.sort != AccountSort::Name {
            parts.push(("sort", self.sort.as_str().to_string()));
        }
        if self.descending {
            parts.push(("dir", "desc".to_string()));
        }
        if self.legacy {
            let offset = (self.offset + delta * self.per_page).max(0);
            parts.push(("offset", offset.to_string()));
            parts.push(("limit", self.per_page.to_string()));
        } else {
            parts.push(("page", (self.page + delta).max(1).to_string()));
            if force_per_page || self.per_page != PAGE_SIZE {
                parts.push(("per_page", self.per_page.to_string()));
            }
        }
        serde_urlencoded::to_string(&parts).unwrap_or_default()
    }

    /// The query string that sorts by `sort`: the other direction when it is the
    /// current order, ascending otherwise (from the first page, keeping the search).
    pub fn sort_query(&self, sort: AccountSort) -> String {
        let mut parts: Vec<(&str, &str)> = Vec::new();
        if !self.q.is_empty() {
            parts.push(("q", &self.q));
        }
        parts.push(("sort", sort.as_str()));
        let desc = if sort == self.sort { !self.descending } else { sort != AccountSort::Name };
        parts.push(("dir", if desc { "desc" } else { "asc" }));
        serde_urlencoded::to_string(&parts).unwrap_or_default()
    }
}

/// The RFC 8288 `Link` header value for the neighbouring pages of `base` (an
/// absolute URL without query), or `None` on a single page.
pub fn link_header(base: &str, params: &ListParams, total: i64) -> Option<String> {
    let mut links = Vec::new();
    if params.has_next(total) {
        links.push(format!("<{base}?{}>; rel=\"next\"", params.query_for(1, true)));
    }
    if params.has_prev() {
        links.push(format!("<{base}?{}>; rel=\"prev\"", params.query_for(-1, true)));
    }
    if links.is_empty() { None } else { Some(links.join(", ")) }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn raw(pairs: &[(&str, &str)]) -> RawListQuery {
        serde_urlencoded::from_str(&serde_urlencoded::to_string(pairs).unwrap()).unwrap()
    }

    #[test]
    fn pages_and_links() {
        let p = ListParams::parse(&raw(&[("q", "a b"), ("sort", "share"), ("dir", "desc"), ("page", "2")])).unwrap();
        assert_eq!((p.offset, p.per_page, p.page), (50, 50, 2));
        let link = link_header("http://h/api/v1/accounts", &p, 120).unwrap();
        assert_eq!(
            link,
            "<http://h/api/v1/accounts?q=a+b&sort=share&dir=desc&page=3&per_page=50>; rel=\"next\", \
             <http://h/api/v1/accounts?q=a+b&sort=share&dir=desc&page=1&per_page=50>; rel=\"prev\""
        );
        assert_eq!(link_header("x", &p, 100).unwrap().matches("rel=").count(), 1);
        let old = ListParams::parse(&raw(&[("limit", "10"), ("offset", "5")])).unwrap();
        assert_eq!(old.query_for(1, true), "offset=15&limit=10");
    }

    #[test]
    fn bad_parameters_name_the_parameter() {
        for (k, v) in
            [("sort", "size"), ("dir", "up"), ("page", "0"), ("page", "x"), ("per_page", "201"), ("limit", "abc"), ("offset", "1.5")]
        {
            match ListParams::parse(&raw(&[(k, v)])) {
                Err(AppError::Validation(errors)) => assert_eq!(errors[0].field, k),
                other => panic!("{k}={v}: {other:?}"),
            }
        }
    }
}
