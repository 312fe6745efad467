"""Drives the widget in headless Chromium, by keyboard alone, and checks it with axe-core.

Run by scripts/browser-test, which starts the server and sets CHARTER_CHAT_URL, AXE_JS and
SCREENSHOT_DIR.
"""
import json
import os
import time

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.keys import Keys

BASE = os.environ["CHARTER_CHAT_URL"]
AXE_JS = open(os.environ["AXE_JS"], encoding="utf-8").read()
SCREENSHOTS = os.environ.get("SCREENSHOT_DIR", ".")
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21aa", "wcag22aa"]


def make_driver(width=1280, height=900):
    options = webdriver.ChromeOptions()
    for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     f"--window-size={width},{height}", "--lang=en-GB"]:
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver")), options=options)
    driver.set_window_size(width, height)
    return driver


@pytest.fixture
def driver():
    driver = make_driver()
    yield driver
    driver.quit()


def wait_for(condition, timeout=10.0, message="condition"):
    deadline = time.time() + timeout
    while time.time() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.05)
    raise AssertionError(f"timed out waiting for {message}")


def shadow_js(driver, body, *args):
    """Runs JavaScript with `root` bound to the widget's shadow root."""
    script = "const root = document.getElementById('charter-chat-widget').shadowRoot;\n" + body
    return driver.execute_script(script, *args)


def active_id(driver):
    return shadow_js(driver, """
        const active = root.activeElement;
        if (!active) return null;
        return active.id || active.className || active.textContent;""")


def press(driver, *keys):
    ActionChains(driver).send_keys(*keys).perform()


def run_axe(driver):
    driver.execute_script(AXE_JS)
    result = driver.execute_async_script(
        """const done = arguments[arguments.length - 1];
        axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}})
           .then(r => done(JSON.stringify(r.violations.map(v => ({id: v.id, impact: v.impact,
               nodes: v.nodes.map(n => n.target.join(' ') + ': ' + n.failureSummary)})))))
           .catch(e => done(JSON.stringify([{id: 'axe-error', nodes: [String(e)]}])));""",
        AXE_TAGS)
    return json.loads(result)


def bot_messages(driver):
    return shadow_js(driver, "return [...root.querySelectorAll('.msg.bot .text')].map(n => n.textContent);")


def open_page(driver):
    driver.set_script_timeout(30)
    driver.get(BASE + "/")
    wait_for(lambda: driver.execute_script(
        "const h = document.getElementById('charter-chat-widget'); return h && h.shadowRoot;"), message="widget")


def tab_to_launcher(driver):
    driver.execute_script("document.activeElement && document.activeElement.blur(); window.focus();")
    for _ in range(30):
        press(driver, Keys.TAB)
        if active_id(driver) == "launcher":
            return
    raise AssertionError("Tab never reached the launcher")


def test_closed_widget_has_no_axe_violations(driver):
    open_page(driver)
    violations = run_axe(driver)
    assert violations == [], json.dumps(violations, indent=2)


def test_keyboard_only_conversation(driver):
    open_page(driver)
    tab_to_launcher(driver)
    label = shadow_js(driver, "return root.querySelector('.launcher').textContent;")
    assert label == "Ask about co-production"

    # Enter opens the panel and puts focus in the labelled input.
    press(driver, Keys.ENTER)
    wait_for(lambda: shadow_js(driver, "return !root.querySelector('.panel').hidden;"), message="panel to open")
    assert active_id(driver) == "cc-input"
    assert shadow_js(driver, "return root.querySelector('label[for=cc-input]').textContent;") == "Type your question"
    wait_for(lambda: bot_messages(driver), message="welcome message")

    # The conversation is a polite live region; the reply arrives there without stealing focus.
    live = shadow_js(driver, "const l = root.querySelector('.log'); return [l.getAttribute('role'), l.getAttribute('aria-live')];")
    assert live == ["log", "polite"]
    before = len(bot_messages(driver))
    press(driver, "wat is coproducshun", Keys.ENTER)
    wait_for(lambda: len(bot_messages(driver)) > before, message="reply")
    reply = bot_messages(driver)[-1]
    assert "working together" in reply
    assert active_id(driver) == "cc-input"
    assert shadow_js(driver, "return root.querySelector('.log').contains(root.querySelectorAll('.msg.bot')[root.querySelectorAll('.msg.bot').length - 1]);")

    # Suggestions are buttons reached by keyboard; Enter on one asks it and focus returns to the input.
    suggestions = shadow_js(driver, "return [...root.querySelectorAll('.suggestions button')].map(b => b.textContent);")
    assert suggestions, "no suggestion buttons"
    ActionChains(driver).key_down(Keys.SHIFT).send_keys(Keys.TAB).key_up(Keys.SHIFT).perform()
    focused = shadow_js(driver, "return root.activeElement && root.activeElement.textContent;")
    assert focused in suggestions
    before = len(bot_messages(driver))
    press(driver, Keys.ENTER)
    wait_for(lambda: len(bot_messages(driver)) > before, message="reply to suggestion")
    assert active_id(driver) == "cc-input"
    user_messages = shadow_js(driver, "return [...root.querySelectorAll('.msg.user .text')].map(n => n.textContent);")
    assert user_messages[-1] == focused

    # "Was this helpful?" by keyboard: Shift+Tab back from the input to a feedback button, Enter.
    for _ in range(12):
        ActionChains(driver).key_down(Keys.SHIFT).send_keys(Keys.TAB).key_up(Keys.SHIFT).perform()
        label = shadow_js(driver, "return root.activeElement && root.activeElement.getAttribute('aria-label');")
        if label in ("Yes, this helped", "No, this did not help"):
            break
    else:
        raise AssertionError("no feedback button reached by keyboard")
    press(driver, Keys.ENTER)
    wait_for(lambda: shadow_js(driver, "return root.activeElement && root.activeElement.className;") == "thanks",
             message="thanks to take focus")
    thanks = shadow_js(driver, "return root.activeElement.textContent;")
    assert thanks.startswith("Thank you")
    shadow_js(driver, "root.querySelector('#cc-input').focus();")

    # Replies are text, never HTML from the server.
    press(driver, "<img src=x onerror=alert(1)>", Keys.ENTER)
    wait_for(lambda: shadow_js(driver, "return root.querySelectorAll('.msg.user').length;") >= 3, message="message")
    assert shadow_js(driver, "return root.querySelectorAll('img').length;") == 0

    # The open widget passes axe too.
    time.sleep(0.5)
    violations = run_axe(driver)
    assert violations == [], json.dumps(violations, indent=2)
    driver.save_screenshot(os.path.join(SCREENSHOTS, "widget-desktop.png"))

    # Escape closes it and returns focus to the launcher.
    press(driver, Keys.ESCAPE)
    wait_for(lambda: shadow_js(driver, "return root.querySelector('.panel').hidden;"), message="panel to close")
    assert active_id(driver) == "launcher"
    assert shadow_js(driver, "return root.querySelector('.launcher').getAttribute('aria-expanded');") == "false"


def open_and_ask(driver, question):
    """Opens the widget by keyboard, asks `question` and returns the reply's text."""
    open_page(driver)
    tab_to_launcher(driver)
    press(driver, Keys.ENTER)
    wait_for(lambda: bot_messages(driver), message="welcome message")
    before = len(bot_messages(driver))
    press(driver, question, Keys.ENTER)
    wait_for(lambda: len(bot_messages(driver)) > before, message="reply")
    return bot_messages(driver)[-1]


def test_safeguarding_numbers_are_tappable_links(driver):
    """A young person on a phone can tap the numbers of a safeguarding reply: tel: to call, sms: to text."""
    open_and_ask(driver, "i keep cutting myself")
    links = shadow_js(driver, """
        const messages = root.querySelectorAll('.msg.bot');
        const last = messages[messages.length - 1];
        return [...last.querySelectorAll('a.phone')].map(a => [a.textContent, a.getAttribute('href')]);""")
    hrefs = dict(links)
    assert hrefs.get("116 123") == "tel:116123"
    assert hrefs.get("999") == "tel:999"
    assert hrefs.get("0800 068 4141") == "tel:08000684141"
    assert hrefs.get("85258") == "sms:85258?body=SHOUT"
    # The text reads as before: the links only wrap the numbers.
    assert "Samaritans free on 116 123" in bot_messages(driver)[-1]
    # Links are reached by keyboard, and the reply still has no axe violations.
    assert shadow_js(driver, "return root.querySelector('a.phone').tabIndex;") == 0
    violations = run_axe(driver)
    assert violations == [], json.dumps(violations, indent=1)


def test_simpler_words_toggle_by_keyboard(driver):
    """'Simpler words' is a toggle button (aria-pressed): pressing it re-renders the last answer in easy
    read at once, in place; the charter's exact words are one keypress away; it stays on."""
    standard = open_and_ask(driver, "can i have a break")
    assert "We will give space and breaks" in standard
    count = len(bot_messages(driver))
    toggle_state = "return root.querySelector('.simpler').getAttribute('aria-pressed');"
    assert shadow_js(driver, toggle_state) == "false"
    # Reach the toggle by keyboard alone.
    for _ in range(15):
        if shadow_js(driver, "return root.activeElement === root.querySelector('.simpler');"):
            break
        ActionChains(driver).key_down(Keys.SHIFT).send_keys(Keys.TAB).key_up(Keys.SHIFT).perform()
    assert shadow_js(driver, "return root.activeElement === root.querySelector('.simpler');"), "toggle not reached"
    press(driver, Keys.ENTER)
    wait_for(lambda: shadow_js(driver, toggle_state) == "true", message="toggle pressed")
    wait_for(lambda: bot_messages(driver)[-1] != standard, message="the last answer re-rendered")
    easy = bot_messages(driver)[-1]
    assert len(bot_messages(driver)) == count, "the answer is replaced, not added"
    assert "We will give space and breaks" not in easy
    # The exact words: a disclosure under the easy answer, opened by keyboard.
    summary = "const m = root.querySelectorAll('.msg.bot'); const last = m[m.length - 1]; "
    assert shadow_js(driver, summary + "return last.querySelector('details.exact summary').textContent;") == \
        "Show the charter's exact words"
    shadow_js(driver, summary + "last.querySelector('details.exact summary').focus();")
    press(driver, Keys.ENTER)
    wait_for(lambda: shadow_js(driver, summary + "return last.querySelector('details.exact').open;"), message="open")
    exact = shadow_js(driver, summary + "return last.querySelector('details.exact ul').textContent;")
    assert "We will give space and breaks" in exact
    # Read aloud speaks the form that is shown: the easy one.
    spoken = shadow_js(driver, summary + """
        if (!('speechSynthesis' in window)) return null;
        window.__spoken = null;
        window.speechSynthesis.speak = u => { window.__spoken = u.text; };
        const read = [...last.querySelectorAll('.tools button')].find(b => b.textContent === 'Read aloud');
        if (!read) return null;
        read.click();
        return window.__spoken;""")
    assert spoken is not None, "Chromium offers speech synthesis: the Read aloud button must be there"
    assert "If you need space when we talk" in spoken
    assert "We will give space and breaks" not in spoken
    # It stays on for the next question.
    shadow_js(driver, "root.getElementById('cc-input').focus();")
    before = len(bot_messages(driver))
    press(driver, "will people listen to me", Keys.ENTER)
    wait_for(lambda: len(bot_messages(driver)) > before, message="next reply")
    assert shadow_js(driver, summary + "return !!last.querySelector('details.exact');")
    violations = run_axe(driver)
    assert violations == [], json.dumps(violations, indent=1)


def test_keyboard_flow_on_another_origin(driver):
    """Embedded in a council's own site (another origin, allowed with --allow-origin): the widget loads
    from the service, talks to its API across origins, and works by keyboard."""
    driver.set_script_timeout(30)
    driver.get(os.environ["SITE_URL"] + "/")
    wait_for(lambda: driver.execute_script(
        "const h = document.getElementById('charter-chat-widget'); return h && h.shadowRoot;"), message="widget")
    assert driver.execute_script("return location.origin;") != BASE
    tab_to_launcher(driver)
    press(driver, Keys.ENTER)
    wait_for(lambda: shadow_js(driver, "return !root.querySelector('.panel').hidden;"), message="panel to open")
    assert active_id(driver) == "cc-input"
    wait_for(lambda: bot_messages(driver), message="welcome message from the API")
    before = len(bot_messages(driver))
    press(driver, "will ppl lisen 2 me", Keys.ENTER)
    wait_for(lambda: len(bot_messages(driver)) > before, message="reply across origins")
    assert "listen" in bot_messages(driver)[-1].lower()
    assert active_id(driver) == "cc-input"
    errors = [entry for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]
    assert errors == [], errors
    violations = run_axe(driver)
    assert violations == [], json.dumps(violations, indent=1)


def test_data_council_picks_the_charter_on_a_server_of_several(driver):
    """A server answering for two councils: the site's tag says data-council="bcp", and the widget
    answers from BCP's charter (its values), by keyboard, across origins."""
    driver.set_script_timeout(30)
    driver.get(os.environ["SITE_URL"] + "/bcp.html")
    wait_for(lambda: driver.execute_script(
        "const h = document.getElementById('charter-chat-widget'); return h && h.shadowRoot;"), message="widget")
    tab_to_launcher(driver)
    press(driver, Keys.ENTER)
    wait_for(lambda: shadow_js(driver, "return !root.querySelector('.panel').hidden;"), message="panel to open")
    wait_for(lambda: bot_messages(driver), message="welcome message for the council")
    assert "our agreements (charters)" in bot_messages(driver)[0]
    before = len(bot_messages(driver))
    press(driver, "what are the values", Keys.ENTER)
    wait_for(lambda: len(bot_messages(driver)) > before, message="reply from the council's charter")
    reply = bot_messages(driver)[-1]
    assert "genuine empathy" in reply and "Welcome and Care" not in reply
    assert active_id(driver) == "cc-input"
    errors = [entry for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]
    assert errors == [], errors
    violations = run_axe(driver)
    assert violations == [], json.dumps(violations, indent=1)


def test_usable_at_320_pixels_and_with_large_text():
    driver = make_driver(320, 640)
    try:
        open_page(driver)
        shadow_js(driver, "root.querySelector('.launcher').click();")
        wait_for(lambda: bot_messages(driver), message="welcome message")
        fits = shadow_js(driver, """
            const r = root.querySelector('.panel').getBoundingClientRect();
            return r.left >= 0 && r.right <= window.innerWidth + 0.5 && r.top >= 0;""")
        assert fits, "the open panel does not fit 320 px"
        assert driver.execute_script("return document.documentElement.scrollWidth <= window.innerWidth + 1;")
        time.sleep(0.5)  # let the opening animation finish
        driver.save_screenshot(os.path.join(SCREENSHOTS, "widget-320.png"))
        # 200% text: every control can still be scrolled into view, inside the viewport.
        shadow_js(driver, "root.querySelector('.root').style.setProperty('--size', '2rem');")
        outside = shadow_js(driver, """
            const w = window.innerWidth, h = window.innerHeight;
            return ['#cc-input', '.form button', '.head button', '.suggestions button'].filter(s => {
                const e = root.querySelector(s);
                e.scrollIntoView({block: 'nearest'});
                const r = e.getBoundingClientRect();
                return !(r.left >= -0.5 && r.right <= w + 0.5 && r.top >= -0.5 && r.bottom <= h + 0.5 && r.width > 0); });""")
        assert outside == [], f"out of reach at 200% text: {outside}"
        time.sleep(0.3)
        driver.save_screenshot(os.path.join(SCREENSHOTS, "widget-320-200pc.png"))
    finally:
        driver.quit()


def test_honours_reduced_motion(driver):
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia",
                           {"features": [{"name": "prefers-reduced-motion", "value": "reduce"}]})
    open_page(driver)
    shadow_js(driver, "root.querySelector('.launcher').click();")
    animation = shadow_js(driver, "return getComputedStyle(root.querySelector('.panel')).animationName;")
    assert animation == "none"


def test_text_size_control_and_contrast(driver):
    open_page(driver)
    shadow_js(driver, "root.querySelector('.launcher').click();")
    size = lambda: shadow_js(driver, "return parseFloat(getComputedStyle(root.querySelector('#cc-input')).fontSize);")
    start = size()
    shadow_js(driver, "root.querySelector('.head button[aria-label=\"Make text larger\"]').click();")
    assert size() > start
    names = shadow_js(driver, """return [...root.querySelectorAll('.head button')]
        .map(b => b.getAttribute('aria-label') || b.textContent);""")
    assert names == ["Simpler words", "Make text smaller", "Make text larger", "Close chat"]


def test_no_console_errors(driver):
    open_page(driver)
    shadow_js(driver, "root.querySelector('.launcher').click();")
    wait_for(lambda: bot_messages(driver), message="welcome message")
    errors = [entry for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]
    assert errors == [], errors


def test_admin_page_after_sign_in_has_no_axe_violations(driver):
    import urllib.request
    for message in ["how do i bake bread", "what time is the bus", "what is co-production"]:
        request = urllib.request.Request(BASE + "/api/chat", data=json.dumps({"message": message}).encode(),
                                         headers={"Content-Type": "application/json"})
        urllib.request.urlopen(request).read()
    time.sleep(0.3)  # let the queued rows be written
    driver.get(BASE + "/admin")
    violations = run_axe(driver)
    assert violations == [], json.dumps(violations, indent=2)
    # Sign in by keyboard: Tab to the token field, type, Enter.
    for _ in range(10):
        press(driver, Keys.TAB)
        if driver.execute_script("return document.activeElement.id;") == "token":
            break
    assert driver.execute_script("return document.activeElement.id;") == "token", "Tab never reached the token field"
    press(driver, os.environ["ADMIN_TOKEN"], Keys.ENTER)
    try:
        wait_for(lambda: "could not answer" in driver.page_source, message="review page")
    except AssertionError:
        raise AssertionError(driver.current_url + "\n" + driver.page_source[:600] + str(driver.get_log("browser")))
    assert "how do i bake bread" in driver.page_source
    assert driver.execute_script("return document.querySelector('svg[role=img] title') !== null;")
    violations = run_axe(driver)
    assert violations == [], json.dumps(violations, indent=2)
    driver.save_screenshot(os.path.join(SCREENSHOTS, "admin.png"))
