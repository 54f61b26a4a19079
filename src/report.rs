//! Reports: a session as Markdown (export) or plain text (`leidraad show`).
