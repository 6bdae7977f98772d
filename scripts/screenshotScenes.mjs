// The scenes `npm run screenshot` can take, each saved as docs/<file>.
//
// To add a scene (inlay hints + hover, the cluster tree, a highlighted file...), append an entry:
//   { name: 'hover', file: 'screenshot-hover.png', description: '...', async run(workbench) { ... } }
// `run` receives the helpers below (`page` is the playwright-core Page of the workbench, already
// loaded on a temp copy of examples/cluster/ with this extension under development) and returns
// when the scene is ready; the runner then takes the picture. Wait on what you need to see
// (`page.locator(...).waitFor()`), never on fixed sleeps. Take one with
// `npm run screenshot -- <name>`; a scene starts from a freshly opened workbench.

/** Helpers handed to every scene. */
export function sceneHelpers(page) {
  return {
    page,
    /** Opens a workspace file through Quick Open, e.g. 'mx3/path.dat', and waits for its tab. */
    async openFile(relativePath) {
      await page.keyboard.press('Control+P');
      const input = page.locator('.quick-input-widget input');
      await input.waitFor();
      await input.fill(relativePath);
      await page.locator('.quick-input-list .monaco-list-row').first().waitFor();
      await page.keyboard.press('Enter');
      const fileName = relativePath.split('/').at(-1);
      await page.locator(`.tabs-container .tab.active[aria-label*="${fileName}"]`).waitFor();
      await page.locator('.monaco-editor .view-lines').first().waitFor();
    },
    /** Runs a command by its title from the Command Palette, e.g. 'View: Toggle Problems'. */
    async runCommand(title) {
      await page.keyboard.press('F1');
      const input = page.locator('.quick-input-widget input');
      await input.waitFor();
      await input.fill(`>${title}`);
      await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor();
      await page.keyboard.press('Enter');
    },
    /** Moves the mouse away and closes notifications, so nothing covers the scene. */
    async tidy() {
      await page.mouse.move(1, 1);
      const clearAll = page.locator('.notifications-toasts .codicon-notifications-clear-all');
      if ((await clearAll.count()) > 0) await clearAll.first().click().catch(() => undefined);
    },
  };
}

export const SCENES = [
  {
    name: 'problems',
    file: 'screenshot-problems.png',
    description: 'the demo cluster, mx3/path.dat open with its mistakes underlined, and the Problems panel',
    async run({ page, openFile, tidy }) {
      await openFile('mx3/path.dat');
      await page.keyboard.press('Control+Shift+M');
      // The server validates all three nodes; wait until mx3's problems are listed and underlined.
      await page.locator('.markers-panel .monaco-list-row', { hasText: 'slave-list-separator' }).first().waitFor();
      await page.locator('.monaco-editor .squiggly-error').first().waitFor();
      await tidy();
    },
  },
  {
    name: 'highlighting',
    file: 'screenshot-highlighting.png',
    description: 'mx1/path.dat, the master of the demo cluster, coloured by the grammar, with the field names and the (placeholder) password shown in its dim colour',
    async run({ page, openFile, runCommand, tidy }) {
      await openFile('mx1/path.dat');
      // Until the grammar has tokenized the file each line is one span; the UNC server of line 1
      // becoming a span of its own shows the colours are in.
      await page.locator('.monaco-editor .view-line span[class^="mtk"]', { hasText: /^fs01$/ }).first().waitFor();
      // Then wait for the server's field names, so the picture is the same on every run.
      await page.locator('.monaco-editor .view-line', { hasText: 'Server ID' }).first().waitFor();
      // Unmask line 5 (a placeholder password) to show its colour: a dim grey by default.
      await runCommand('IceWarp: Show Passwords');
      await page.waitForFunction(() =>
        [...document.querySelectorAll('.monaco-editor .view-line span span')].some((span) => /^Demo-Secret-\d+$/.test(span.textContent ?? '') && getComputedStyle(span).opacity !== '0'),
      );
      await tidy();
    },
  },
  {
    name: 'hover',
    file: 'screenshot-hover.png',
    description: 'mx2/path.dat with the field name after every line and the hover on line 14 saying what its "1" means',
    async run({ page, openFile, tidy }) {
      await openFile('mx2/path.dat');
      await page.locator('.monaco-editor .view-line', { hasText: 'Slave flag' }).first().waitFor();
      await tidy();
      // Put the cursor on line 14 (Go to Line) and show the hover there from the keyboard.
      await page.keyboard.press('Control+G');
      const input = page.locator('.quick-input-widget input');
      await input.waitFor();
      await input.fill(':14');
      await page.keyboard.press('Enter');
      await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
      await page.keyboard.press('Control+K');
      await page.keyboard.press('Control+I');
      const hover = page.locator('.monaco-hover', { hasText: 'master mode' }).first();
      await hover.waitFor();
      // The hover fades in: wait for its animations to finish, or the picture catches it half-transparent.
      await hover.evaluate((element) => Promise.all(element.getAnimations({ subtree: true }).map((animation) => animation.finished)));
      // Blur the demo's placeholder password in the picture (the file itself is untouched).
      const blurred = await page.evaluate(() => {
        const spans = [...document.querySelectorAll('.monaco-editor .view-line span span')].filter((span) => /^Demo-Secret-\d+$/.test(span.textContent ?? ''));
        for (const span of spans) span.style.filter = 'blur(4px)';
        return spans.length;
      });
      if (blurred === 0) throw new Error('the line-5 password was not found to blur');
    },
  },
  {
    name: 'cluster',
    file: 'screenshot-cluster.png',
    description: 'the IceWarp Cluster view (its own activity bar icon) on the demo cluster: master first, slaves, mx3 expanded with its problem badge and details',
    async run({ page, tidy }) {
      // One click on the view's icon in the activity bar.
      await page.locator('.activitybar .action-item a[aria-label^="IceWarp Cluster"]').first().click();
      const view = page.locator('.part.sidebar');
      await view.locator('.monaco-list-row', { hasText: 'mx1.example.net' }).first().waitFor();
      // The badge and the description come with the server's diagnostics for mx3.
      const mx3 = view.locator('.monaco-list-row', { hasText: 'mx3.example.net' }).filter({ hasText: /error/ });
      await mx3.waitFor();
      if ((await mx3.getAttribute('aria-expanded')) !== 'true') await mx3.locator('.monaco-tl-twistie').click();
      await view.locator('.monaco-list-row', { hasText: 'Incoming queue' }).waitFor();
      // Widen the side bar (drag its edge) so the descriptions show whole.
      const sideBar = await page.locator('.part.sidebar').boundingBox();
      if (sideBar) {
        const edge = sideBar.x + sideBar.width;
        await page.mouse.move(edge - 1, 500);
        await page.mouse.down();
        await page.mouse.move(edge + 300, 500, { steps: 10 });
        await page.mouse.up();
      }
      // Move the focus off the tree's rows (a click on its blank space) so none shows as selected.
      const list = await view.locator('.monaco-list').first().boundingBox();
      if (list) await page.mouse.click(list.x + list.width / 2, list.y + list.height - 20);
      await page.keyboard.press('Escape');
      await tidy();
    },
  },
  {
    name: 'passwords',
    file: 'screenshot-passwords.png',
    description: 'mx1/path.dat with the password of line 5 behind •••• (the cursor is elsewhere), the user and share still readable',
    async run({ page, openFile, tidy }) {
      await openFile('mx1/path.dat');
      await page.locator('.monaco-editor .view-line', { hasText: 'Server ID' }).first().waitFor();
      // The cursor stays on line 1; the mask lays its bullets on line 5.
      await page.waitForFunction(() => {
        const spans = [...document.querySelectorAll('.monaco-editor .view-line span span')].filter((span) => /Demo-Secret/.test(span.textContent ?? ''));
        return spans.length > 0 && spans.every((span) => getComputedStyle(span).opacity === '0');
      });
      await tidy();
      // What the picture shows: no element with a visible password.
      const visible = await page.evaluate(() =>
        [...document.querySelectorAll('.monaco-workbench *')].filter((element) => {
          if (![...element.childNodes].some((node) => node.nodeType === Node.TEXT_NODE && /Demo-Secret/.test(node.textContent ?? ''))) return false;
          let current = element;
          while (current) {
            const style = getComputedStyle(current);
            if (style.opacity === '0' || style.visibility === 'hidden' || style.display === 'none') return false;
            current = current.parentElement;
          }
          return true;
        }).length,
      );
      if (visible > 0) throw new Error(`${visible} element(s) show a line-5 password`);
    },
  },
  {
    name: 'walkthrough',
    file: 'screenshot-walkthrough.png',
    description: 'the walkthrough "Get Started with IceWarp\'s path.dat", its first step open with its page',
    async run({ page, runCommand, tidy }) {
      // The palette lists the commands registered when it opens: wait for the extension's contributions.
      await page.locator('.activitybar .action-item a[aria-label^="IceWarp Cluster"]').first().waitFor();
      await runCommand('IceWarp: Open the path.cfg / path.dat Walkthrough');
      // Without the side bar the walkthrough has room for its steps and the step's page side by side.
      await runCommand('View: Close Primary Side Bar');
      const walkthrough = page.locator('.gettingStartedContainer');
      await walkthrough.locator('.getting-started-step', { hasText: 'Open or create a node file' }).first().waitFor();
      // The step's page is rendered in a webview: wait for its heading.
      await page.frameLocator('iframe.webview.ready').frameLocator('iframe').locator('h1', { hasText: 'Open or create a node file' }).waitFor();
      await tidy();
    },
  },
  {
    name: 'promote',
    file: 'screenshot-promote.png',
    description: 'IceWarp: Promote to Master on mx2/path.dat: the multi-file diff of the three nodes and the question that applies it to all of them at once',
    async run({ page, openFile, runCommand }) {
      await openFile('mx2/path.dat');
      // The server must know the cluster before the command can compute the change.
      await page.locator('.monaco-editor .view-line', { hasText: 'Slave flag' }).first().waitFor();
      await runCommand('IceWarp: Promote to Master');
      // The change opens as one diff of every node, with the question in front of it.
      await page.locator('.monaco-dialog-box', { hasText: 'Apply to 3 Nodes' }).waitFor();
      await page.locator('.monaco-diff-editor .modified .view-line', { hasText: 'mx3.example.net;mx1.example.net' }).first().waitFor();
      await page.mouse.move(1, 1);
    },
  },
  {
    name: 'explain',
    file: 'screenshot-explain.png',
    description: 'the page the light bulb\'s "Explain slave-list-separator" opens from line 16 of mx3/path.dat: docs/codes/slave-list-separator.md in the Markdown preview',
    async run({ page, openFile, tidy }) {
      await openFile('mx3/path.dat');
      await page.locator('.monaco-editor .squiggly-warning, .monaco-editor .squiggly-error').first().waitFor();
      // Cursor on the comma of line 16's slave list, then the light bulb's menu from the keyboard.
      await page.keyboard.press('Control+G');
      const input = page.locator('.quick-input-widget input');
      await input.waitFor();
      await input.fill(':16:16');
      await page.keyboard.press('Enter');
      await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
      await page.keyboard.press('Control+.');
      const action = page.locator('.action-widget .monaco-list-row', { hasText: 'Explain slave-list-separator' }).first();
      await action.waitFor();
      // The menu takes the keyboard (a layer over the page swallows clicks): walk down to the action.
      const focused = page.locator('.action-widget .monaco-list-row.focused');
      for (let step = 0; step < 10 && !(await focused.textContent())?.includes('Explain slave-list-separator'); step++) {
        await page.keyboard.press('ArrowDown');
      }
      await focused.filter({ hasText: 'Explain slave-list-separator' }).waitFor();
      await page.keyboard.press('Enter');
      // The page is rendered in the Markdown preview's webview: wait for its heading and its examples.
      const preview = page.frameLocator('iframe.webview.ready').frameLocator('iframe');
      await preview.locator('h1', { hasText: 'slave-list-separator' }).waitFor();
      await preview.locator('h2').nth(2).waitFor();
      await tidy();
    },
  },
];
