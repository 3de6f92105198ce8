package fetch

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"net/url"
	"strconv"
	"strings"
	"time"
)

// robotsTTL is how long a host's robots.txt is kept.
const robotsTTL = time.Hour

// robots is what a host's robots.txt says to this client (RFC 9309):
// the rules of the group naming our agent, or of the "*" group.
type robots struct {
	rules   []rule
	all     bool // everything disallowed (robots.txt unreachable)
	delay   time.Duration
	fetched time.Time
}

type rule struct {
	allow   bool
	pattern string
}

func (c *Client) robotsOf(u *url.URL) *robots {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.robots[u.Scheme+"://"+u.Host]
}

// allowed reports whether robots.txt lets the client fetch u, reading it
// first when it is not known or too old.
func (c *Client) allowed(ctx context.Context, u *url.URL) (bool, error) {
	key := u.Scheme + "://" + u.Host
	r := c.robotsOf(u)
	if r == nil || c.now().Sub(r.fetched) > robotsTTL {
		ru := &url.URL{Scheme: u.Scheme, Host: u.Host, Path: "/robots.txt"}
		resp, err := c.get(ctx, ru, nil, Validators{})
		var se *StatusError
		switch {
		case err == nil:
			r = parseRobots(resp.Body, c.cfg.UserAgent)
		case errors.As(err, &se):
			// 4xx: no robots.txt, everything allowed; 5xx: unreachable,
			// everything disallowed for now.
			r = &robots{all: se.Code >= 500}
		case ctx.Err() != nil:
			return false, err
		default:
			var re *RetryError
			if errors.As(err, &re) || errors.Is(err, ErrTooLarge) || errors.Is(err, ErrRedirects) {
				r = &robots{all: true}
			} else {
				return false, err // the host cannot be reached at all
			}
		}
		r.fetched = c.now()
		c.mu.Lock()
		c.robots[key] = r
		c.mu.Unlock()
	}
	return r.allows(u), nil
}

// allows applies the longest matching rule to u's path; allow wins ties.
func (r *robots) allows(u *url.URL) bool {
	if r.all {
		return false
	}
	path := u.EscapedPath()
	if path == "" {
		path = "/"
	}
	if u.RawQuery != "" {
		path += "?" + u.RawQuery
	}
	if path == "/robots.txt" {
		return true
	}
	best, allow := -1, true
	for _, rl := range r.rules {
		if rl.pattern == "" {
			continue // "Disallow:" with nothing allows all
		}
		if n := len(rl.pattern); match(rl.pattern, path) && (n > best || n == best && rl.allow) {
			best, allow = n, rl.allow
		}
	}
	return allow
}

// match matches a robots.txt path pattern ("*" for any run of
// characters, a final "$" for the end) against a path.
func match(pattern, path string) bool {
	anchored := strings.HasSuffix(pattern, "$")
	pattern = strings.TrimSuffix(pattern, "$")
	parts := strings.Split(pattern, "*")
	if !strings.HasPrefix(path, parts[0]) {
		return false
	}
	rest := path[len(parts[0]):]
	for i, p := range parts[1:] {
		if i == len(parts)-2 && anchored {
			return strings.HasSuffix(rest, p)
		}
		j := strings.Index(rest, p)
		if j < 0 {
			return false
		}
		rest = rest[j+len(p):]
	}
	return !anchored || rest == ""
}

// parseRobots reads the groups of a robots.txt that apply to agent: the
// groups naming a product token that agent starts with, or else the "*"
// groups.
func parseRobots(data []byte, agent string) *robots {
	token := strings.ToLower(agent)
	if i := strings.IndexAny(token, "/ "); i >= 0 {
		token = token[:i]
	}
	var mine, star robots
	var inMine, inStar, lastWasAgent bool
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 0, 4096), 64<<10)
	for sc.Scan() {
		line := sc.Text()
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		key, val, ok := strings.Cut(line, ":")
		if !ok {
			continue
		}
		key = strings.ToLower(strings.TrimSpace(key))
		val = strings.TrimSpace(val)
		if key == "user-agent" {
			if !lastWasAgent {
				inMine, inStar = false, false
			}
			lastWasAgent = true
			a := strings.ToLower(val)
			if a == "*" {
				inStar = true
			} else if a != "" && strings.HasPrefix(token, a) {
				inMine = true
			}
			continue
		}
		lastWasAgent = false
		var add func(r *robots)
		switch key {
		case "allow", "disallow":
			rl := rule{allow: key == "allow", pattern: val}
			add = func(r *robots) { r.rules = append(r.rules, rl) }
		case "crawl-delay":
			f, err := strconv.ParseFloat(val, 64)
			if err != nil || f < 0 {
				continue
			}
			d := time.Duration(min(f, 3600) * float64(time.Second))
			add = func(r *robots) { r.delay = d }
		default:
			continue
		}
		if inMine {
			add(&mine)
		}
		if inStar {
			add(&star)
		}
	}
	if len(mine.rules) > 0 || mine.delay > 0 {
		return &mine
	}
	return &star
}
