//! The signals that end wirediff (SIGINT, SIGTERM and, on Unix, SIGHUP), caught while
//! something must be undone first: the viewer restores the terminal, the atomic writer
//! removes its temporary file. Outside a [`Catch`] they do what they always did (end the
//! process); inside one they are only recorded, the code that holds the `Catch` checks
//! [`Catch::caught`], cleans up, and the command line then calls [`reraise`] so the
//! process still dies of the signal (the shell sees 130, 143 or 129). Safe Rust only:
//! signal-hook's flag API.

use std::io;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, OnceLock};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use signal_hook::consts::{SIGINT, SIGTERM};

/// The signals that end the process and are caught inside a [`Catch`].
#[cfg(unix)]
const ENDING_SIGNALS: [i32; 3] = [SIGINT, SIGTERM, signal_hook::consts::SIGHUP];
#[cfg(not(unix))]
const ENDING_SIGNALS: [i32; 2] = [SIGINT, SIGTERM];

/// What the handlers share, set up once for the whole process.
struct Handlers {
    /// The last ending signal received (0: none yet). Never reset: a caught signal ends
    /// the process once every `Catch` has cleaned up.
    caught: Arc<AtomicUsize>,
    /// True while no `Catch` is held: a signal then ends the process at once.
    ending_now: Arc<AtomicBool>,
    /// How many `Catch`es are held (the viewer's export writes inside the viewer's own).
    held: Mutex<usize>,
}

static HANDLERS: OnceLock<Result<Handlers, String>> = OnceLock::new();

/// The handlers, registered on first use.
fn handlers() -> io::Result<&'static Handlers> {
    HANDLERS
        .get_or_init(|| register().map_err(|e| e.to_string()))
        .as_ref()
        .map_err(|e| io::Error::other(e.clone()))
}

fn register() -> io::Result<Handlers> {
    let handlers = Handlers {
        caught: Arc::new(AtomicUsize::new(0)),
        ending_now: Arc::new(AtomicBool::new(true)),
        held: Mutex::new(0),
    };
    for signal in ENDING_SIGNALS {
        let number = usize::try_from(signal).unwrap_or(usize::MAX);
        signal_hook::flag::register_usize(signal, Arc::clone(&handlers.caught), number)?;
        signal_hook::flag::register_conditional_default(signal, Arc::clone(&handlers.ending_now))?;
    }
    Ok(handlers)
}

/// While held, the ending signals are recorded instead of ending the process.
pub(crate) struct Catch {
    handlers: &'static Handlers,
}

impl Catch {
    /// Start catching (nested catches are fine: the signals end the process again when
    /// the last one is dropped).
    pub(crate) fn start() -> io::Result<Catch> {
        let handlers = handlers()?;
        let mut held = handlers.held.lock().unwrap_or_else(|e| e.into_inner());
        *held += 1;
        handlers.ending_now.store(false, Ordering::SeqCst);
        Ok(Catch { handlers })
    }

    /// The ending signal received while catching, if any (also one caught by another
    /// `Catch` held at the same time).
    pub(crate) fn caught(&self) -> Option<i32> {
        caught_signal(self.handlers)
    }
}

impl Drop for Catch {
    fn drop(&mut self) {
        let mut held = self.handlers.held.lock().unwrap_or_else(|e| e.into_inner());
        *held = held.saturating_sub(1);
        if *held == 0 {
            self.handlers.ending_now.store(true, Ordering::SeqCst);
        }
    }
}

fn caught_signal(handlers: &Handlers) -> Option<i32> {
    match handlers.caught.load(Ordering::SeqCst) {
        0 => None,
        number => i32::try_from(number).ok(),
    }
}

/// How often the watchdog looks for a caught signal, and for the end of its watch.
const WATCH_INTERVAL: Duration = Duration::from_millis(20);

/// Ends the process by a caught signal when the code holding the [`Catch`] has not
/// stopped within a grace period of it. For the one wait that a signal cannot wake: a
/// read from a terminal that hung up, where crossterm's event source retries its read
/// forever (EIO is neither "would block" nor "interrupted"), so the viewer's loop never
/// comes back to look at the signal. `last_words` runs first (restore what can be
/// restored). A matter of liveness only: no output depends on its timing. The watch ends
/// when the watchdog is dropped.
pub(crate) struct Watchdog {
    done: Arc<AtomicBool>,
    thread: Option<JoinHandle<()>>,
}

impl Watchdog {
    /// Watch the signals caught inside a [`Catch`] (which must be held meanwhile).
    pub(crate) fn start(grace: Duration, last_words: fn()) -> io::Result<Watchdog> {
        let handlers = handlers()?;
        let done = Arc::new(AtomicBool::new(false));
        let watching = Arc::clone(&done);
        let thread = std::thread::Builder::new()
            .name("wirediff-watchdog".into())
            .spawn(move || watch(handlers, &watching, grace, last_words))?;
        Ok(Watchdog {
            done,
            thread: Some(thread),
        })
    }
}

fn watch(handlers: &Handlers, done: &AtomicBool, grace: Duration, last_words: fn()) {
    let mut deadline = None;
    while !done.load(Ordering::SeqCst) {
        if let Some(signal) = caught_signal(handlers) {
            let due = *deadline.get_or_insert_with(|| Instant::now() + grace);
            if Instant::now() >= due {
                last_words();
                reraise(signal);
            }
        }
        std::thread::sleep(WATCH_INTERVAL);
    }
}

impl Drop for Watchdog {
    fn drop(&mut self) {
        self.done.store(true, Ordering::SeqCst);
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

/// End the process by `signal` as if it had not been caught (its default action), once
/// everything is cleaned up; exits with 128 + signal should that fail.
pub(crate) fn reraise(signal: i32) -> ! {
    let _ = signal_hook::low_level::emulate_default_handler(signal);
    std::process::exit(128 + signal)
}
