/**
 * The pages with nothing to load, written into the page table (routes.ts) as build-time HTML: the
 * home page, the accessibility statement (in the model GOV.UK publishes for public-sector sites) and
 * the not-found page.
 */

export const HOME = `        <div class="govuk-grid-row">
          <div class="govuk-grid-column-two-thirds">
            <h1 class="govuk-heading-xl">Keeping children in Northshire safe, together</h1>
            <p class="govuk-body-l">This portal is where the partners who work with children in Northshire agree what level of need a child has, ask for early help, and follow what happens next.</p>
            <div class="govuk-warning-text">
              <span class="govuk-warning-text__icon" aria-hidden="true">!</span>
              <strong class="govuk-warning-text__text">
                <span class="govuk-visually-hidden">Warning</span>
                If a child is in immediate danger, call 999. If you think a child is at risk of significant harm, contact the Children's Front Door straight away. Do not wait to use this portal.
              </strong>
            </div>
            <h2 class="govuk-heading-m">Who it is for</h2>
            <ul class="govuk-list govuk-list--bullet">
              <li>schools, colleges and early years settings</li>
              <li>health services, such as GPs, health visitors, school nurses and hospitals</li>
              <li>Northshire Police</li>
              <li>charities and voluntary groups that work with children and families</li>
              <li>the Children's Front Door, the council's team that decides on every request for support</li>
              <li>the Safeguarding Partnership board, which holds the partners to account</li>
            </ul>
            <h2 class="govuk-heading-m">Check the threshold guidance</h2>
            <p class="govuk-body">The threshold guidance sets out the four levels of need, what each looks like and what to do at each level. Everyone in the partnership uses the same version. You do not need to sign in to read it.</p>
            <a href="/guidance/" role="button" draggable="false" class="govuk-button" data-module="govuk-button">Read the threshold guidance</a>
            <p class="govuk-body">Worried about a child? <a class="govuk-link" href="/check/">Check the level of need step by step</a>: search for what you have seen or heard, and see what to do now.</p>
            <h2 class="govuk-heading-m">Find a local service</h2>
            <p class="govuk-body">The services directory lists the early help services that can support a family, with how to refer and when each was last checked. <a class="govuk-link" href="/services/">Find a service</a>: you do not need to sign in.</p>
            <h2 class="govuk-heading-m">Sign in</h2>
            <p class="govuk-body">Practitioners in partner agencies sign in to ask the Children's Front Door for early help and see what it decided, and to lead or join a family's early help. The Front Door works its queue here, most urgent first. The Safeguarding Partnership board tracks its action plan and reads the partnership's figures.</p>
            <p class="govuk-body"><a class="govuk-link" href="/sign-in/">Sign in to the portal</a></p>
          </div>
        </div>`;

export const NOT_FOUND = `        <div class="govuk-grid-row">
          <div class="govuk-grid-column-two-thirds">
            <h1 class="govuk-heading-l">Page not found</h1>
            <p class="govuk-body">If you typed the web address, check it is correct.</p>
            <p class="govuk-body">If you pasted the web address, check you copied the entire address.</p>
            <p class="govuk-body">You can go to the <a class="govuk-link" href="/">home page</a> or read the <a class="govuk-link" href="/guidance/">threshold guidance</a>.</p>
          </div>
        </div>`;

/** When the statement was prepared and last reviewed: change it with the statement. */
const REVIEWED = '4 December 2026';

export const ACCESSIBILITY_STATEMENT = `        <div class="govuk-grid-row">
          <div class="govuk-grid-column-two-thirds">
            <h1 class="govuk-heading-xl">Accessibility statement for the Northshire Safeguarding Partnership portal</h1>
            <p class="govuk-body">This accessibility statement applies to the Northshire Safeguarding Partnership portal: the threshold guidance and its checker, the services directory, requests for early help, early-help episodes, the board's action plan and the partnership dashboard.</p>
            <p class="govuk-body">This website is run by the Northshire Safeguarding Partnership. We want as many people as possible to be able to use it. For example, that means you should be able to:</p>
            <ul class="govuk-list govuk-list--bullet">
              <li>change colours, contrast levels and fonts using browser or device settings</li>
              <li>zoom in up to 400% without the text spilling off the screen</li>
              <li>navigate most of the website using just a keyboard or speech recognition software</li>
              <li>listen to most of the website using a screen reader</li>
            </ul>
            <p class="govuk-body">We've also made the website text as simple as possible to understand. <a class="govuk-link" href="https://mcmw.abilitynet.org.uk/">AbilityNet</a> has advice on making your device easier to use if you have a disability.</p>

            <h2 class="govuk-heading-l">How accessible this website is</h2>
            <p class="govuk-body">We know some parts of this website are not fully accessible:</p>
            <ul class="govuk-list govuk-list--bullet">
              <li>your sign-in ends after 30 minutes without a warning first</li>
              <li>on a phone, the Front Door's queue and the board's action plan show each row as a card, which some screen readers no longer announce as a table</li>
              <li>the dashboard's charts are pictures of figures: each is followed by a table of the same figures</li>
            </ul>

            <h2 class="govuk-heading-l">Feedback and contact information</h2>
            <p class="govuk-body">If you need information on this website in a different format, like accessible PDF, large print, easy read, audio recording or braille, email <a class="govuk-link" href="mailto:accessibility@northshire-partnership.example.org">accessibility@northshire-partnership.example.org</a>. We'll consider your request and get back to you in 5 working days.</p>
            <div class="govuk-warning-text">
              <span class="govuk-warning-text__icon" aria-hidden="true">!</span>
              <strong class="govuk-warning-text__text">
                <span class="govuk-visually-hidden">Warning</span>
                Do not use this address to report a worry about a child. If a child is in immediate danger, call 999. Otherwise contact the Children's Front Door.
              </strong>
            </div>

            <h2 class="govuk-heading-l">Reporting accessibility problems with this website</h2>
            <p class="govuk-body">We're always looking to improve the accessibility of this website. If you find any problems not listed on this page or think we're not meeting accessibility requirements, email <a class="govuk-link" href="mailto:accessibility@northshire-partnership.example.org">accessibility@northshire-partnership.example.org</a>.</p>

            <h2 class="govuk-heading-l">Enforcement procedure</h2>
            <p class="govuk-body">The Equality and Human Rights Commission (EHRC) is responsible for enforcing the Public Sector Bodies (Websites and Mobile Applications) (No. 2) Accessibility Regulations 2018 (the 'accessibility regulations'). If you're not happy with how we respond to your complaint, <a class="govuk-link" href="https://www.equalityadvisoryservice.com/">contact the Equality Advisory and Support Service (EASS)</a>.</p>

            <h2 class="govuk-heading-l">Technical information about this website's accessibility</h2>
            <p class="govuk-body">The Northshire Safeguarding Partnership is committed to making its website accessible, in accordance with the Public Sector Bodies (Websites and Mobile Applications) (No. 2) Accessibility Regulations 2018.</p>
            <h3 class="govuk-heading-m">Compliance status</h3>
            <p class="govuk-body">This website is partially compliant with the <a class="govuk-link" href="https://www.w3.org/TR/WCAG22/">Web Content Accessibility Guidelines version 2.2</a> AA standard, due to the non-compliances listed below.</p>

            <h2 class="govuk-heading-l">Non-accessible content</h2>
            <p class="govuk-body">The content listed below is non-accessible for the following reasons.</p>
            <h3 class="govuk-heading-m">Non-compliance with the accessibility regulations</h3>
            <p class="govuk-body">Your sign-in ends 30 minutes after you signed in, and the portal does not warn you first or let you extend it. This fails WCAG 2.2 success criterion 2.2.1 (timing adjustable). We plan to warn you before it ends, and keep what you have typed through signing in again.</p>
            <p class="govuk-body">On a phone, the Front Door's queue and the board's action plan show each row as a card with each value named. Some screen readers then no longer announce them as tables, with their rows and columns. This may fail WCAG 2.2 success criterion 1.3.1 (info and relationships). We plan to keep the table's structure for screen readers on every screen size.</p>

            <h2 class="govuk-heading-l">What we're doing to improve accessibility</h2>
            <p class="govuk-body">Every page the portal's own tests visit is checked with axe, and the journeys its people take (checking a level of need, asking for early help, deciding it, leading an episode, keeping the directory and the board's plan) are tested in a browser by keyboard alone. We have not yet had the portal audited by an accessibility specialist or tested it with disabled users and screen readers; we will before it is used for real.</p>

            <h2 class="govuk-heading-l">Preparation of this accessibility statement</h2>
            <p class="govuk-body">This statement was prepared on ${REVIEWED}. It was last reviewed on ${REVIEWED}.</p>
            <p class="govuk-body">This website was last tested on ${REVIEWED}, by the team that builds it, with automated checks and keyboard-only journeys in Chromium. This is a demonstration service with synthetic data.</p>
          </div>
        </div>`;
