//! `keyplan import FILE --account ID`: an open plan document as a new plan of
//! an account.

use anyhow::{Context, bail};

use crate::{DbArg, english, open};

/// `keyplan import FILE --account ID`: the document is checked in full before anything is written.
pub async fn import_plan(file: &std::path::Path, account: i64, as_user: Option<&str>, db: &DbArg) -> anyhow::Result<()> {
    let bytes = if file.as_os_str() == "-" {
        let mut buf = Vec::new();
        std::io::Read::read_to_end(&mut std::io::stdin(), &mut buf)?;
        buf
    } else {
        std::fs::read(file).with_context(|| format!("cannot read {}", file.display()))?
    };
    let doc = keyplan_domain::document::parse(&bytes)
        .map_err(|e| anyhow::anyhow!("{}: {}; nothing was imported", file.display(), english(&e)))?;
    let store = open(db).await?;
    let account_id = keyplan_domain::AccountId::new(account);
    let org = store.account_org(account_id).await.map_err(|e| match e {
        keyplan_store::StoreError::NotFound => anyhow::anyhow!("no account with id {account}"),
        e => e.into(),
    })?;
    let actor = match as_user {
        Some(email) => {
            let u = store.user_by_email(email).await?.with_context(|| format!("no user with e-mail {email}"))?;
            if u.org_id != org {
                bail!("{email} does not belong to the account's organisation");
            }
            u.id
        }
        None => {
            store.account(org, account_id).await?.owner_id.context("the account has no owner: name the importing user with --as EMAIL")?
        }
    };
    let imported = keyplan_app::documents::import_as(&store, org, actor, account_id, &doc)
        .await
        .map_err(|e| anyhow::anyhow!("{}: {}; nothing was imported", file.display(), english(&e)))?;
    for s in &imported.skipped {
        eprintln!("left out: {s}");
    }
    if imported.contacts_added > 0 {
        eprintln!("{} contacts added to the account", imported.contacts_added);
    }
    eprintln!("imported \"{}\" as plan {}", imported.plan.title, imported.plan.id);
    println!("{}", imported.plan.id);
    Ok(())
}
