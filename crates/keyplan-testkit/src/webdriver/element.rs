//! An element of the page under test, with the waits and form helpers the
//! browser tests share.

use std::fmt;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use fantoccini::error::CmdError;
use fantoccini::{Client, Locator};
use serde_json::{Value, json};

use super::{Context, Error, Result, first_with_text, poll, poll_find};

/// An element of the current page.
#[derive(Clone)]
pub struct Element {
    pub(super) inner: fantoccini::elements::Element,
    pub(super) client: Client,
    pub(super) wait: Arc<Mutex<Duration>>,
}

impl fmt::Debug for Element {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Element({})", self.inner.element_id())
    }
}

impl Element {
    fn wait(&self) -> Duration {
        *self.wait.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn wrap(&self, inner: fantoccini::elements::Element) -> Element {
        Element { inner, client: self.client.clone(), wait: self.wait.clone() }
    }

    /// The reference to pass in [`Browser::execute`]'s arguments.
    pub fn json(&self) -> Value {
        serde_json::to_value(&self.inner).unwrap_or(Value::Null)
    }

    /// The first descendant matching `css`, polling like [`Browser::find`].
    pub async fn find(&self, css: &str) -> Result<Element> {
        let found = poll_find(self.wait(), css, || self.inner.find(Locator::Css(css))).await?;
        Ok(self.wrap(found))
    }

    pub async fn find_all(&self, css: &str) -> Result<Vec<Element>> {
        let found = self.inner.find_all(Locator::Css(css)).await.ctx(&format!("find all {css:?}"))?;
        Ok(found.into_iter().map(|e| self.wrap(e)).collect())
    }

    /// The first descendant matching `css` whose text contains `text` (polls).
    pub async fn find_with_text(&self, css: &str, text: &str) -> Result<Element> {
        poll(self.wait(), &format!("{css:?} containing {text:?}"), || async { first_with_text(self.find_all(css).await?, text).await })
            .await
    }

    /// The rendered (visible) text.
    pub async fn text(&self) -> Result<String> {
        self.inner.text().await.ctx("element text")
    }

    pub async fn tag_name(&self) -> Result<String> {
        Ok(self.inner.tag_name().await.ctx("tag name")?.to_lowercase())
    }

    /// An HTML attribute (`None` when absent).
    pub async fn attribute(&self, name: &str) -> Result<Option<String>> {
        self.inner.attr(name).await.ctx(&format!("attribute {name}"))
    }

    /// A DOM property (`Value::Null` when absent).
    pub async fn property(&self, name: &str) -> Result<Value> {
        match self.inner.prop(name).await {
            Ok(None) => Ok(Value::Null),
            Ok(Some(b)) if b == "true" || b == "false" => Ok(Value::Bool(b == "true")),
            Ok(Some(s)) => Ok(Value::String(s)),
            // Numbers and objects: fantoccini leaves them to the caller.
            Err(CmdError::NotW3C(v)) => Ok(v),
            Err(e) => Err(Error::from_cmd(e, format!("property {name}"))),
        }
    }

    /// The current `value` of a form field.
    pub async fn value(&self) -> Result<String> {
        let v = self.property("value").await?;
        Ok(v.as_str().map(str::to_string).unwrap_or_else(|| if v.is_null() { String::new() } else { v.to_string() }))
    }

    /// Whether the class attribute contains `class`.
    pub async fn has_class(&self, class: &str) -> Result<bool> {
        Ok(self.attribute("class").await?.unwrap_or_default().split_whitespace().any(|c| c == class))
    }

    pub async fn is_displayed(&self) -> Result<bool> {
        self.inner.is_displayed().await.ctx("is displayed")
    }

    pub async fn is_enabled(&self) -> Result<bool> {
        self.inner.is_enabled().await.ctx("is enabled")
    }

    pub async fn is_selected(&self) -> Result<bool> {
        self.inner.is_selected().await.ctx("is selected")
    }

    /// Scrolls the element into view and clicks its centre, like a user.
    /// Brings the element to the middle of the window, as a person would
    /// before clicking it (WebDriver alone may leave it under the page's
    /// sticky top bar), then clicks it.
    pub async fn click(&self) -> Result<()> {
        let _ = self.client.execute("arguments[0].scrollIntoView({block: 'center', inline: 'nearest'})", vec![self.json()]).await;
        self.inner.click().await.ctx("click")
    }

    pub async fn clear(&self) -> Result<()> {
        self.inner.clear().await.ctx("clear")
    }

    /// Focuses the element and types `text` (WebDriver key codes such as
    /// `"\u{E007}"` for Enter work too).
    pub async fn send_keys(&self, text: &str) -> Result<()> {
        self.inner.send_keys(text).await.ctx("send keys")
    }

    /// Chooses the `<option>` of this `<select>` whose visible text is `text`
    /// by clicking it.
    pub async fn select_by_text(&self, text: &str) -> Result<()> {
        let option = poll(self.wait(), &format!("an option {text:?}"), || async {
            for o in self.find_all("option").await? {
                if o.text().await?.trim() == text.trim() {
                    return Ok(Some(o));
                }
            }
            Ok(None)
        })
        .await?;
        self.choose(&option).await
    }

    /// Chooses the `<option>` of this `<select>` with this `value` by clicking it.
    pub async fn select_by_value(&self, value: &str) -> Result<()> {
        let option = poll(self.wait(), &format!("an option with value {value:?}"), || async {
            for o in self.find_all("option").await? {
                if o.attribute("value").await?.as_deref() == Some(value) {
                    return Ok(Some(o));
                }
            }
            Ok(None)
        })
        .await?;
        self.choose(&option).await
    }

    async fn choose(&self, option: &Element) -> Result<()> {
        option.click().await?;
        if option.is_selected().await? {
            Ok(())
        } else {
            Err(Error::new("client", "the option was clicked but is not selected", "select option"))
        }
    }

    /// The visible text of the selected option of this `<select>`.
    pub async fn selected_text(&self) -> Result<Option<String>> {
        for o in self.find_all("option").await? {
            if o.is_selected().await? {
                return Ok(Some(o.text().await?));
            }
        }
        Ok(None)
    }

    /// Submits the form this element is (or is in) by clicking its first submit
    /// button, as a user would; works without JavaScript.
    pub async fn submit(&self) -> Result<()> {
        let form = if self.tag_name().await? == "form" {
            self.clone()
        } else {
            // The nearest enclosing form, by XPath (no page script needed).
            self.wrap(self.inner.find(Locator::XPath("ancestor::form[1]")).await.ctx("submit: the enclosing form")?)
        };
        let button = form.find("button[type=submit], input[type=submit], button:not([type])").await?;
        button.click().await
    }

    /// Opens this `<details>` by clicking its own `<summary>`; no-op when open.
    pub async fn open_details(&self) -> Result<()> {
        if self.property("open").await?.as_bool() == Some(true) {
            return Ok(());
        }
        self.find(":scope > summary").await?.click().await?;
        poll(self.wait(), "the <details> to open", || async { Ok((self.property("open").await?.as_bool() == Some(true)).then_some(())) })
            .await
    }

    /// Sets an `<input type=date>` to `iso` (YYYY-MM-DD) by typing the digits in
    /// the order the browser's locale shows them; falls back to setting the
    /// value by script (with input/change events) when typing did not take.
    /// Returns whether typing worked.
    pub async fn set_date(&self, iso: &str) -> Result<bool> {
        let parts: Vec<&str> = iso.split('-').collect();
        let [y, m, d] = parts[..] else {
            return Err(Error::new("client", format!("{iso:?} is not YYYY-MM-DD"), "set_date"));
        };
        let order = self
            .client
            .execute("try { return new Intl.DateTimeFormat(navigator.language).formatToParts(new Date(2001, 10, 22)).map(p => p.type).filter(t => t === 'day' || t === 'month' || t === 'year'); } catch (e) { return null; }", vec![])
            .await
            .ok()
            .and_then(|v| v.as_array().map(|a| a.iter().filter_map(|s| s.as_str().map(str::to_string)).collect::<Vec<_>>()))
            .filter(|o| o.len() == 3)
            .unwrap_or_else(|| vec!["month".into(), "day".into(), "year".into()]);
        let keys: String = order
            .iter()
            .map(|p| match p.as_str() {
                "day" => d,
                "month" => m,
                _ => y,
            })
            .collect();
        let _ = self.send_keys(&keys).await;
        if self.value().await? == iso {
            return Ok(true);
        }
        self.client
            .execute(
                "const el = arguments[0]; el.value = arguments[1]; el.dispatchEvent(new Event('input', {bubbles: true})); el.dispatchEvent(new Event('change', {bubbles: true}));",
                vec![self.json(), json!(iso)],
            )
            .await
            .ctx("set_date by script")?;
        let now = self.value().await?;
        if now == iso { Ok(false) } else { Err(Error::new("client", format!("the date field holds {now:?}, not {iso:?}"), "set_date")) }
    }
}
